import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import { uuidv7, type EventData, type EventEnvelope, type ReferralReceivedV2 } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { DeliveryQueue } from '../deliveries/delivery-queue';
import { DeliveryRepository } from '../deliveries/delivery.repository';
import { REFERRAL_ACKNOWLEDGEMENT, referralAcknowledgement } from './referral-acknowledgement.template';

export interface ReferralReceivedFacts {
  eventId: string;
  organisationId: string;
  correlationId: string;
  referral: EventData<typeof ReferralReceivedV2>;
}

/**
 * Makes the acknowledgement email for a new referral, in the caller's transaction, and queues
 * it once that commits. Should the queueing be lost, the sweeper queues it within 15 seconds.
 */
@Injectable()
export class AcknowledgeReferralUseCase {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly queue: DeliveryQueue,
  ) {}

  async execute(tx: NotifyTx, facts: ReferralReceivedFacts, context: HandlerContext): Promise<void> {
    const delivery = {
      id: uuidv7(),
      organisationId: facts.organisationId,
      kind: REFERRAL_ACKNOWLEDGEMENT,
      channel: 'email',
      toAddress: facts.referral.referrer.email,
      ...referralAcknowledgement(facts.referral),
      referralId: facts.referral.referralId,
      sourceEventId: facts.eventId,
      correlationId: facts.correlationId,
    };
    if (!(await this.deliveries.createOnce(tx, delivery))) return;
    context.afterCommit(() => this.queue.enqueue(delivery));
  }
}

export function referralReceivedFacts(event: EventEnvelope<EventData<typeof ReferralReceivedV2>>): ReferralReceivedFacts {
  return { eventId: event.id, organisationId: event.organisationid, correlationId: event.correlationid, referral: event.data };
}
