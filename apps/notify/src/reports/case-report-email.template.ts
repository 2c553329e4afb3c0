import { londonDateTime } from '@mediation/documents';
import type { CaseReportIssuedV1, EventData } from '@mediation/protocol';
import { oneLine } from '../mail/mail-text';

export const CASE_REPORT_EMAIL = 'case-report';

/** The covering email for a case report; the PDF goes with it as an attachment. */
export function caseReportEmail(report: EventData<typeof CaseReportIssuedV1>): { subjectLine: string; body: string } {
  const reference = oneLine(report.reference);
  const lines = [
    `Dear ${oneLine(report.recipient.name)},`,
    '',
    `The case you referred, ${reference}, has closed. Our case report is attached as a PDF: it sets out the outcome, what happened on the case, the contract deadlines and our recommendations for any further referral or escalation.`,
    '',
    `The report was issued on ${londonDateTime(report.issuedAt)} (UK time). It is confidential: please keep it within the people who need it, and quote ${reference} in any reply.`,
  ];
  return { subjectLine: `Case report for ${reference}`, body: lines.join('\n') };
}
