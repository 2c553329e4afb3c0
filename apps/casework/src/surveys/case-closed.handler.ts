import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { CaseClosedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { IssueSurveysUseCase } from './issue-surveys.use-case';

/** Its own consumer, so a slow report (it asks scheduling) never holds the surveys back. */
@Injectable()
@EventConsumer()
export class CaseClosedSurveyHandler implements EventHandler<typeof CaseClosedV1, CaseworkTx> {
  readonly consumes = CaseClosedV1;
  readonly purpose = 'survey';

  constructor(private readonly issueSurveys: IssueSurveysUseCase) {}

  handle(event: EventEnvelope<EventData<typeof CaseClosedV1>>, tx: CaseworkTx): Promise<void> {
    return this.issueSurveys.execute(tx, event);
  }
}
