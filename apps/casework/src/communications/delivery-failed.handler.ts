import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { DeliveryFailedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { RecordFailedDeliveryUseCase } from './record-failed-delivery.use-case';

@Injectable()
@EventConsumer()
export class DeliveryFailedHandler implements EventHandler<typeof DeliveryFailedV1, CaseworkTx> {
  readonly consumes = DeliveryFailedV1;

  constructor(private readonly record: RecordFailedDeliveryUseCase) {}

  handle(event: EventEnvelope<EventData<typeof DeliveryFailedV1>>, tx: CaseworkTx): Promise<void> {
    return this.record.execute(tx, event);
  }
}
