import { Injectable } from '@nestjs/common';
import { DeliveryRepository, type AttemptOutcome, type AttemptRecord } from './delivery.repository';
import { TickBatcher } from './tick-batcher';

/**
 * The delivery log's writer: the attempts finished within the same turn of the event loop are written in one
 * transaction per organisation instead of one each, which is what a busy dispatcher spent most of its database time
 * on. Each caller still waits for its own write, so a job completes only once its attempt is recorded (a crash
 * before that resends it: at least once, as before).
 */
@Injectable()
export class AttemptLog {
  private readonly batcher: TickBatcher<{ organisationId: string; id: string; attempt: AttemptRecord; outcome: AttemptOutcome }, void>;

  constructor(deliveries: DeliveryRepository) {
    this.batcher = new TickBatcher(async (organisationId, items): Promise<void[]> => {
      await deliveries.recordAttempts(organisationId, items);
      return items.map(() => undefined);
    });
  }

  record(organisationId: string, id: string, attempt: AttemptRecord, outcome: AttemptOutcome): Promise<void> {
    return this.batcher.add({ organisationId, id, attempt, outcome });
  }
}
