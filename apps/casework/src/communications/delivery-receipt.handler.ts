import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { DeliveryReceiptV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { RecordDeliveryReceiptUseCase } from './record-delivery-receipt.use-case';

@Injectable()
@EventConsumer()
export class DeliveryReceiptHandler implements EventHandler<typeof DeliveryReceiptV1, CaseworkTx> {
  readonly consumes = DeliveryReceiptV1;

  constructor(private readonly record: RecordDeliveryReceiptUseCase) {}

  handle(event: EventEnvelope<EventData<typeof DeliveryReceiptV1>>, tx: CaseworkTx): Promise<void> {
    return this.record.execute(tx, event);
  }
}
