import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { CaseDatesChangedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { ChangeCaseDatesUseCase } from './change-case-dates.use-case';

@Injectable()
@EventConsumer()
export class CaseDatesChangedHandler implements EventHandler<typeof CaseDatesChangedV1, SchedulingTx> {
  readonly consumes = CaseDatesChangedV1;

  constructor(private readonly change: ChangeCaseDatesUseCase) {}

  async handle(event: EventEnvelope<EventData<typeof CaseDatesChangedV1>>, tx: SchedulingTx, context: HandlerContext): Promise<void> {
    await this.change.execute(tx, event, context);
  }
}
