import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { CaseReportIssuedV1, EventData, EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailRequests } from '../deliveries/email-requests';
import { CASE_REPORT_EMAIL, caseReportEmail } from './case-report-email.template';

/** Queues the report email to the referring officer, the PDF attached by reference (fetched when sending). */
@Injectable()
export class EmailCaseReportUseCase {
  constructor(private readonly emails: EmailRequests) {}

  execute(tx: NotifyTx, event: EventEnvelope<EventData<typeof CaseReportIssuedV1>>, context: HandlerContext): Promise<void> {
    const report = event.data;
    return this.emails.requestOnce(
      tx,
      event,
      {
        kind: CASE_REPORT_EMAIL,
        toAddress: report.recipient.email,
        ...caseReportEmail(report),
        referralId: null,
        caseId: report.caseId,
        attachment: { kind: 'case-report', caseId: report.caseId, reportId: report.reportId },
      },
      context,
    );
  }
}
