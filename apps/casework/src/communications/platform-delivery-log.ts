import { Injectable } from '@nestjs/common';
import { EventNotReadyError, EventPublisher } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import { CommunicationLoggedV1, uuidv7, type EventEnvelope } from '@mediation/protocol';
import { caseEnvelope } from '../cases/case-event';
import type { CaseworkTx } from '../database/casework.database';
import { CommunicationRepository, type CommunicationRecord } from './communication.repository';

/** A message notify dealt with, as its events name it: by its case, or by the referral it acknowledged. */
export interface PlatformDelivery {
  deliveryId: string;
  caseId?: string;
  referralId?: string;
  channel: 'email' | 'sms' | 'webhook';
}

/** What the entry says, which differs between a message sent and one notify gave up on. */
export type DeliveryEntry = Pick<CommunicationRecord, 'counterpart' | 'subject' | 'summary' | 'occurredAt'> & { failed?: boolean };

/**
 * Puts what notify did with a message into the case's communications log, once per delivery, and
 * publishes `casework.communication.logged.v1` in the same transaction, as for an entry logged by hand.
 * The case is the delivery's own, or for a referral acknowledgement the case opened from (or linked to)
 * the referral; a message about no case is not casework's record.
 */
@Injectable()
export class PlatformDeliveryLog {
  constructor(
    private readonly log: CommunicationRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async record(
    tx: CaseworkTx,
    event: Pick<EventEnvelope<unknown>, 'id' | 'organisationid' | 'correlationid'>,
    delivery: PlatformDelivery,
    entry: DeliveryEntry,
    /** A provider's receipt is a second entry about the delivery: once per receipt event (the inbox), not once per delivery. */
    options: { receipt?: boolean } = {},
  ): Promise<void> {
    const of = delivery.caseId ? { caseId: delivery.caseId } : delivery.referralId ? { referralId: delivery.referralId } : null;
    if (!of) return;
    const now = this.clock.now();
    const row = { id: uuidv7(), organisationId: event.organisationid, channel: delivery.channel, ...entry, failed: entry.failed ?? false };
    const deliveryId = options.receipt ? null : delivery.deliveryId;
    const { caseId, logged: updated } = await this.log.appendDelivery(tx, of, { ...row, deliveryId, recordedAt: now });
    // Every received referral gets a case, but notify's news of the message can overtake it: retry until it exists.
    if (!caseId && 'referralId' in of) throw new EventNotReadyError(`no case yet for referral ${of.referralId}; retrying`);
    if (!updated) return;
    await this.events.append(tx, {
      definition: CommunicationLoggedV1,
      data: {
        caseId: updated.id,
        contractId: updated.contractId,
        communicationId: row.id,
        direction: 'out',
        channel: delivery.channel,
        withParty: false,
        occurredAt: row.occurredAt.toISOString(),
        loggedAt: now.toISOString(),
      },
      ...caseEnvelope(updated, event.correlationid),
      causationId: event.id,
    });
  }
}
