import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { inContractScope, type CaseReportFile, type RpcMeta } from '@mediation/protocol';
import { CaseworkDatabase } from '../database/casework.database';
import { OrganisationSignatory } from '../organisations/organisation-signatory';
import { assembleCertificate } from './certificate.assembler';
import { CaseReportRepository } from './case-report.repository';
import { renderMediationCertificate } from './mediation-certificate.renderer';

/** A SEND mediation certificate as a PDF, rendered from the certificate the workflow recorded, signed by the organisation. */
@Injectable()
export class GetCertificatePdfUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly reports: CaseReportRepository,
    private readonly signatory: OrganisationSignatory,
  ) {}

  async execute(meta: RpcMeta, request: { caseId: string; certificateId: string; appealDeadline: string | null }): Promise<CaseReportFile> {
    const { file, provider } = await this.db.forTenant(meta, async (tx) => {
      const found = await this.reports.readCertificateFile(tx, meta.organisationId, request.caseId, request.certificateId);
      if (!found || !inContractScope(meta, found.case.contractId)) throw ProblemError.notFound('mediation certificate', request.certificateId);
      return { file: found, provider: await this.signatory.of(tx, meta.organisationId) };
    });
    const pdf = await renderMediationCertificate(assembleCertificate(file, request.appealDeadline ? new Date(request.appealDeadline) : null, provider));
    return {
      filename: `mediation-certificate-${file.case.reference.replace(/[^A-Za-z0-9-]/g, '-')}-${file.certificate.kind}.pdf`,
      contentType: 'application/pdf',
      base64: pdf.toString('base64'),
    };
  }
}
