import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { CaseOpenedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { SetDeadlinesUseCase } from './set-deadlines.use-case';

@Injectable()
@EventConsumer()
export class CaseOpenedHandler implements EventHandler<typeof CaseOpenedV1, SchedulingTx> {
  readonly consumes = CaseOpenedV1;

  constructor(private readonly setDeadlines: SetDeadlinesUseCase) {}

  handle(event: EventEnvelope<EventData<typeof CaseOpenedV1>>, tx: SchedulingTx, context: HandlerContext): Promise<void> {
    return this.setDeadlines.execute(tx, event, context);
  }
}
