import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { EventData, EventEnvelope, PartyReminderIssuedV1 } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailRequests } from '../deliveries/email-requests';
import { PARTY_REMINDER, partyReminder } from './party-reminder.template';

/** Queues a deadline reminder to the party casework issued it to; its delivery names the case, so casework logs it. */
@Injectable()
export class EmailPartyReminderUseCase {
  constructor(private readonly emails: EmailRequests) {}

  execute(tx: NotifyTx, event: EventEnvelope<EventData<typeof PartyReminderIssuedV1>>, context: HandlerContext): Promise<void> {
    const reminder = event.data;
    return this.emails.requestOnce(tx, event, { kind: PARTY_REMINDER, toAddress: reminder.email.toLowerCase(), ...partyReminder(reminder), referralId: null, caseId: reminder.caseId }, context);
  }
}
