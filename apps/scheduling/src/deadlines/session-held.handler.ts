import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { SessionHeldV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { RecordMilestoneUseCase } from './record-milestone.use-case';

/** A held session is a milestone (e.g. `mediation.held`) when its session type names one. */
@Injectable()
@EventConsumer()
export class SessionHeldHandler implements EventHandler<typeof SessionHeldV1, SchedulingTx> {
  readonly consumes = SessionHeldV1;
  readonly purpose = 'deadline-milestones';

  constructor(private readonly record: RecordMilestoneUseCase) {}

  async handle(event: EventEnvelope<EventData<typeof SessionHeldV1>>, tx: SchedulingTx, context: HandlerContext): Promise<void> {
    const { caseId, milestone, heldAt } = event.data;
    if (!milestone) return;
    await this.record.execute(tx, { organisationId: event.organisationid, caseId, milestone, occurredAt: new Date(heldAt) }, { correlationId: event.correlationid, causationId: event.id }, context);
  }
}
