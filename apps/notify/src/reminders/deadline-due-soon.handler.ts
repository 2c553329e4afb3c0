import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { DeadlineDueSoonV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { RemindDeadlineUseCase } from './remind-deadline.use-case';

@Injectable()
@EventConsumer()
export class DeadlineDueSoonHandler implements EventHandler<typeof DeadlineDueSoonV1, NotifyTx> {
  readonly consumes = DeadlineDueSoonV1;

  constructor(private readonly remindDeadline: RemindDeadlineUseCase) {}

  handle(event: EventEnvelope<EventData<typeof DeadlineDueSoonV1>>, tx: NotifyTx, context: HandlerContext): Promise<void> {
    return this.remindDeadline.execute(tx, event, context);
  }
}
