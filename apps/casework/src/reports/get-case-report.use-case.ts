import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { inContractScope, type CaseReportFile, type RpcMeta } from '@mediation/protocol';
import { CaseReportRepository } from './case-report.repository';

/** One report PDF; outside the caller's organisation or contracts it does not exist. */
@Injectable()
export class GetCaseReportUseCase {
  constructor(private readonly reports: CaseReportRepository) {}

  async execute(meta: RpcMeta, caseId: string, reportId: string): Promise<CaseReportFile> {
    const report = await this.reports.findWithPdf(meta.organisationId, caseId, reportId);
    if (!report || !inContractScope(meta, report.contractId)) throw ProblemError.notFound('case report', reportId);
    return { filename: report.filename, contentType: 'application/pdf', base64: Buffer.from(report.pdf).toString('base64') };
  }
}
