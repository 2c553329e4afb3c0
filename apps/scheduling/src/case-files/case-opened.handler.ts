import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { CaseOpenedV2, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { OpenCaseFileUseCase } from './open-case-file.use-case';

@Injectable()
@EventConsumer()
export class CaseOpenedHandler implements EventHandler<typeof CaseOpenedV2, SchedulingTx> {
  readonly consumes = CaseOpenedV2;

  constructor(private readonly open: OpenCaseFileUseCase) {}

  handle(event: EventEnvelope<EventData<typeof CaseOpenedV2>>, tx: SchedulingTx, context: HandlerContext): Promise<void> {
    return this.open.execute(tx, event, context);
  }
}
