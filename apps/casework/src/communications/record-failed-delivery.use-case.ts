import { Injectable } from '@nestjs/common';
import type { DeliveryFailedV1, EventData, EventEnvelope } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { PlatformDeliveryLog } from './platform-delivery-log';

/** What each reason code means, in the words the log is read in. */
const REASONS: Record<EventData<typeof DeliveryFailedV1>['reason'], string> = {
  rejected: 'the mail server refused it',
  'content-unavailable': 'what it was to carry no longer exists',
  'attempts-exhausted': 'every attempt failed',
};

/**
 * A message notify gave up on goes into the case's log as an outbound message that failed, found as a sent
 * one is (its caseId, or the case of its referral), so the log shows what was tried and did not arrive.
 * The event names no address, so neither does the entry: the counterpart is who it was meant for, by kind.
 */
@Injectable()
export class RecordFailedDeliveryUseCase {
  constructor(private readonly deliveries: PlatformDeliveryLog) {}

  execute(tx: CaseworkTx, event: EventEnvelope<EventData<typeof DeliveryFailedV1>>): Promise<void> {
    const failed = event.data;
    return this.deliveries.record(tx, event, failed, {
      counterpart: `recipient of the ${failed.kind}`,
      subject: failed.kind,
      summary: `Not delivered: the platform gave up after ${failed.attempts} attempt${failed.attempts === 1 ? '' : 's'} (${REASONS[failed.reason]}).`,
      occurredAt: new Date(failed.failedAt),
      failed: true,
    });
  }
}
