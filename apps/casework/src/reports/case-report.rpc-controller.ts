import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { GetCaseReportUseCase } from './get-case-report.use-case';
import { GetCertificatePdfUseCase } from './get-certificate-pdf.use-case';
import { ListCaseReportsUseCase } from './list-case-reports.use-case';

@Controller()
export class CaseReportRpcController {
  constructor(
    private readonly listReports: ListCaseReportsUseCase,
    private readonly getReport: GetCaseReportUseCase,
    private readonly getCertificate: GetCertificatePdfUseCase,
  ) {}

  @MessagePattern(Rpc.casework.listCaseReports.subject)
  list(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listCaseReports, raw);
    return this.listReports.execute(meta, data.caseId);
  }

  @MessagePattern(Rpc.casework.getCaseReport.subject)
  get(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.getCaseReport, raw);
    return this.getReport.execute(meta, data.caseId, data.reportId);
  }

  @MessagePattern(Rpc.casework.getCertificatePdf.subject)
  certificate(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.getCertificatePdf, raw);
    return this.getCertificate.execute(meta, data);
  }
}
