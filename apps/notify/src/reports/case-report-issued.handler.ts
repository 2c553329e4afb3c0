import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { CaseReportIssuedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailCaseReportUseCase } from './email-case-report.use-case';

@Injectable()
@EventConsumer()
export class CaseReportIssuedHandler implements EventHandler<typeof CaseReportIssuedV1, NotifyTx> {
  readonly consumes = CaseReportIssuedV1;

  constructor(private readonly emailCaseReport: EmailCaseReportUseCase) {}

  handle(event: EventEnvelope<EventData<typeof CaseReportIssuedV1>>, tx: NotifyTx, context: HandlerContext): Promise<void> {
    return this.emailCaseReport.execute(tx, event, context);
  }
}
