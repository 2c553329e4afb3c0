import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { CaseReopenedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { ReopenCaseFileUseCase } from './reopen-case-file.use-case';

@Injectable()
@EventConsumer()
export class CaseReopenedHandler implements EventHandler<typeof CaseReopenedV1, SchedulingTx> {
  readonly consumes = CaseReopenedV1;

  constructor(private readonly reopen: ReopenCaseFileUseCase) {}

  handle(event: EventEnvelope<EventData<typeof CaseReopenedV1>>, tx: SchedulingTx): Promise<void> {
    return this.reopen.execute(tx, event);
  }
}
