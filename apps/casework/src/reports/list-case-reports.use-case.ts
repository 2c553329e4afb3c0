import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { CaseReportListSchema, inContractScope, type RpcMeta } from '@mediation/protocol';
import { CaseReportRepository, type CaseReportMeta } from './case-report.repository';

export function toCaseReportView(report: CaseReportMeta) {
  return {
    id: report.id,
    caseId: report.caseId,
    filename: report.filename,
    sizeBytes: report.sizeBytes,
    sha256: report.sha256,
    issuedAt: report.issuedAt.toISOString(),
    closure: report.closure,
  };
}

/** The reports of a case the caller may see: its organisation's, within the contracts it is limited to. */
@Injectable()
export class ListCaseReportsUseCase {
  constructor(private readonly reports: CaseReportRepository) {}

  async execute(meta: RpcMeta, caseId: string) {
    const found = await this.reports.findCaseContract(meta.organisationId, caseId);
    if (!found || !inContractScope(meta, found.contractId)) throw ProblemError.notFound('case', caseId);
    return CaseReportListSchema.parse({ items: (await this.reports.listForCase(meta.organisationId, caseId)).map(toCaseReportView) });
  }
}
