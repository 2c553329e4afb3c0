import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { CasePausedV1, CaseResumedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { PauseDeadlinesUseCase } from './pause-deadlines.use-case';
import { ResumeDeadlinesUseCase } from './resume-deadlines.use-case';

@Injectable()
@EventConsumer()
export class CasePausedHandler implements EventHandler<typeof CasePausedV1, SchedulingTx> {
  readonly consumes = CasePausedV1;

  constructor(private readonly pause: PauseDeadlinesUseCase) {}

  async handle(event: EventEnvelope<EventData<typeof CasePausedV1>>, tx: SchedulingTx, context: HandlerContext): Promise<void> {
    const { caseId, pauseId, pausedAt } = event.data;
    await this.pause.execute(
      tx,
      { organisationId: event.organisationid, caseId, pauseId, pausedAt: new Date(pausedAt) },
      { correlationId: event.correlationid, causationId: event.id },
      context,
    );
  }
}

@Injectable()
@EventConsumer()
export class CaseResumedHandler implements EventHandler<typeof CaseResumedV1, SchedulingTx> {
  readonly consumes = CaseResumedV1;

  constructor(private readonly resume: ResumeDeadlinesUseCase) {}

  async handle(event: EventEnvelope<EventData<typeof CaseResumedV1>>, tx: SchedulingTx, context: HandlerContext): Promise<void> {
    const { caseId, pauseId, resumedAt } = event.data;
    await this.resume.execute(
      tx,
      { organisationId: event.organisationid, caseId, pauseId, resumedAt: new Date(resumedAt) },
      { correlationId: event.correlationid, causationId: event.id },
      context,
    );
  }
}
