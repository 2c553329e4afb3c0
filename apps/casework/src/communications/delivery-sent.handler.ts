import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { DeliverySentV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { RecordDeliveryUseCase } from './record-delivery.use-case';

@Injectable()
@EventConsumer()
export class DeliverySentHandler implements EventHandler<typeof DeliverySentV1, CaseworkTx> {
  readonly consumes = DeliverySentV1;

  constructor(private readonly record: RecordDeliveryUseCase) {}

  handle(event: EventEnvelope<EventData<typeof DeliverySentV1>>, tx: CaseworkTx): Promise<void> {
    return this.record.execute(tx, event);
  }
}
