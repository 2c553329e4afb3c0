import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EventPublisher, PermanentEventError } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import { CaseReportIssuedV1, uuidv7, type CaseClosedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { assembleCaseReport } from './case-report.assembler';
import { renderCaseReport } from './case-report.renderer';
import { CaseReportRepository } from './case-report.repository';
import { CaseDeadlinesClient } from './case-deadlines.client';
import { CaseEvidenceClient } from './case-evidence.client';
import { OrganisationSignatory } from '../organisations/organisation-signatory';

export function reportFilename(reference: string, closure: number): string {
  return `case-report-${reference.replace(/[^A-Za-z0-9-]/g, '-')}${closure > 1 ? `-closure-${closure}` : ''}.pdf`;
}

/** On closure: gather the case file, render the PDF, keep it, and ask notify to send it to the referrer. Once per closure. */
@Injectable()
export class IssueCaseReportUseCase {
  constructor(
    private readonly reports: CaseReportRepository,
    private readonly deadlines: CaseDeadlinesClient,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    private readonly signatory: OrganisationSignatory,
    private readonly evidence: CaseEvidenceClient,
  ) {}

  async execute(tx: CaseworkTx, event: EventEnvelope<EventData<typeof CaseClosedV1>>): Promise<void> {
    const organisationId = event.organisationid;
    const closed = event.data;
    const closure = closed.timesReopened + 1;
    if (await this.reports.findForClosure(tx, organisationId, closed.caseId, closure)) return;
    const file = await this.reports.readCaseFile(tx, organisationId, closed.caseId);
    if (!file) throw new PermanentEventError(`case ${closed.caseId} does not exist in organisation ${organisationId}`);
    const [deadlines, evidence] = await Promise.all([
      this.deadlines.forCase(organisationId, closed.caseId, event.correlationid),
      this.evidence.forCase(organisationId, closed.caseId, event.correlationid),
    ]);
    const provider = await this.signatory.of(tx, organisationId);
    const issuedAt = this.clock.now();
    const pdf = await renderCaseReport(assembleCaseReport({ file, closed, deadlines, evidence, provider, issuedAt }));
    const referrer = file.case.referrer as { name?: string; email?: string } | null;
    const report = await this.reports.createOnce(tx, {
      id: uuidv7(),
      organisationId,
      caseId: closed.caseId,
      contractId: closed.contractId,
      closure,
      filename: reportFilename(closed.reference, closure),
      pdf: Buffer.from(pdf),
      sha256: createHash('sha256').update(pdf).digest('hex'),
      sizeBytes: pdf.length,
      recipientName: referrer?.name ?? null,
      recipientEmail: referrer?.email ?? null,
      issuedAt,
    });
    // Without a referrer address the report stays on the case for the provider to send by hand.
    if (!report || !referrer?.email) return;
    await this.events.append(tx, {
      definition: CaseReportIssuedV1,
      data: {
        caseId: closed.caseId,
        contractId: closed.contractId,
        reportId: report.id,
        reference: closed.reference,
        recipient: { name: referrer.name ?? referrer.email, email: referrer.email },
        issuedAt: issuedAt.toISOString(),
      },
      // The report is its own aggregate: the case's version sequence stays the case's.
      subject: report.id,
      organisationId,
      contractId: closed.contractId,
      sequence: 1,
      correlationId: event.correlationid,
      causationId: event.id,
    });
  }
}
