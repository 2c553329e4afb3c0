import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { CaseMilestoneV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { RecordMilestoneUseCase } from './record-milestone.use-case';

@Injectable()
@EventConsumer()
export class CaseMilestoneHandler implements EventHandler<typeof CaseMilestoneV1, SchedulingTx> {
  readonly consumes = CaseMilestoneV1;

  constructor(private readonly record: RecordMilestoneUseCase) {}

  handle(event: EventEnvelope<EventData<typeof CaseMilestoneV1>>, tx: SchedulingTx, context: HandlerContext): Promise<void> {
    const { caseId, milestone, occurredAt } = event.data;
    return this.record.execute(
      tx,
      { organisationId: event.organisationid, caseId, milestone, occurredAt: new Date(occurredAt), sequence: event.sequence },
      { correlationId: event.correlationid, causationId: event.id },
      context,
    );
  }
}
