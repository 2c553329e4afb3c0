import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { CaseClosedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { IssueCaseReportUseCase } from './issue-case-report.use-case';

@Injectable()
@EventConsumer()
export class CaseClosedReportHandler implements EventHandler<typeof CaseClosedV1, CaseworkTx> {
  readonly consumes = CaseClosedV1;
  readonly purpose = 'case-report';
  /** Renders a PDF and asks scheduling for the deadlines: its own consumer, so the rest of casework's events never wait for it. */
  readonly group = 'case-reports';

  constructor(private readonly issueReport: IssueCaseReportUseCase) {}

  handle(event: EventEnvelope<EventData<typeof CaseClosedV1>>, tx: CaseworkTx): Promise<void> {
    return this.issueReport.execute(tx, event);
  }
}
