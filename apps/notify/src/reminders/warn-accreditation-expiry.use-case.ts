import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { AccreditationExpiringV1, EventData, EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailRequests } from '../deliveries/email-requests';
import { ACCREDITATION_EXPIRY, accreditationExpiry } from './accreditation-expiry.template';

/** Emails the member of staff whose check or accreditation is lapsing; one email per warning event. */
@Injectable()
export class WarnAccreditationExpiryUseCase {
  constructor(private readonly emails: EmailRequests) {}

  execute(tx: NotifyTx, event: EventEnvelope<EventData<typeof AccreditationExpiringV1>>, context: HandlerContext): Promise<void> {
    const email = { kind: ACCREDITATION_EXPIRY, toAddress: event.data.email.toLowerCase(), ...accreditationExpiry(event.data), referralId: null, caseId: null };
    return this.emails.requestOnce(tx, event, email, context);
  }
}
