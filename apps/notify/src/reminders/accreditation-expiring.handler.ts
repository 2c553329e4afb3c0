import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { AccreditationExpiringV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { WarnAccreditationExpiryUseCase } from './warn-accreditation-expiry.use-case';

@Injectable()
@EventConsumer()
export class AccreditationExpiringHandler implements EventHandler<typeof AccreditationExpiringV1, NotifyTx> {
  readonly consumes = AccreditationExpiringV1;

  constructor(private readonly warn: WarnAccreditationExpiryUseCase) {}

  handle(event: EventEnvelope<EventData<typeof AccreditationExpiringV1>>, tx: NotifyTx, context: HandlerContext): Promise<void> {
    return this.warn.execute(tx, event, context);
  }
}
