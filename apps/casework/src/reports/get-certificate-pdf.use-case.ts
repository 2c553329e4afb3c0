import { Inject, Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { inContractScope, type CaseReportFile, type RpcMeta } from '@mediation/protocol';
import { assembleCertificate } from './certificate.assembler';
import { CaseReportRepository } from './case-report.repository';
import { renderMediationCertificate } from './mediation-certificate.renderer';
import { REPORTS_OPTIONS, type ReportsOptions } from './reports.options';

/** A SEND mediation certificate as a PDF, rendered from the certificate H2's workflow recorded. */
@Injectable()
export class GetCertificatePdfUseCase {
  constructor(
    private readonly reports: CaseReportRepository,
    @Inject(REPORTS_OPTIONS) private readonly options: ReportsOptions,
  ) {}

  async execute(meta: RpcMeta, request: { caseId: string; certificateId: string; appealDeadline: string | null }): Promise<CaseReportFile> {
    const file = await this.reports.readCertificateFile(meta.organisationId, request.caseId, request.certificateId);
    if (!file || !inContractScope(meta, file.case.contractId)) throw ProblemError.notFound('mediation certificate', request.certificateId);
    const pdf = await renderMediationCertificate(assembleCertificate(file, request.appealDeadline ? new Date(request.appealDeadline) : null, this.options.providerName));
    return { filename: `mediation-certificate-${file.case.reference.replace(/[^A-Za-z0-9-]/g, '-')}-${file.certificate.kind}.pdf`, contentType: 'application/pdf', base64: pdf.toString('base64') };
  }
}
