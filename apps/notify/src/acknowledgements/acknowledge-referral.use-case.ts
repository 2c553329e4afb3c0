import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { EventData, EventEnvelope, ReferralReceivedV2 } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailRequests } from '../deliveries/email-requests';
import { REFERRAL_ACKNOWLEDGEMENT, referralAcknowledgement } from './referral-acknowledgement.template';

/**
 * Makes the acknowledgement email for a new referral, in the caller's transaction, and queues
 * it once that commits. Should the queueing be lost, the sweeper queues it within 15 seconds.
 */
@Injectable()
export class AcknowledgeReferralUseCase {
  constructor(private readonly emails: EmailRequests) {}

  execute(tx: NotifyTx, event: EventEnvelope<EventData<typeof ReferralReceivedV2>>, context: HandlerContext): Promise<void> {
    const referral = event.data;
    return this.emails.requestOnce(
      tx,
      event,
      {
        kind: REFERRAL_ACKNOWLEDGEMENT,
        toAddress: referral.referrer.email,
        ...referralAcknowledgement(referral),
        referralId: referral.referralId,
        caseId: null,
      },
      context,
    );
  }
}
