import { Module } from '@nestjs/common';
import { CaseClosedReportHandler } from './case-closed.handler';
import { CaseDeadlinesClient } from './case-deadlines.client';
import { CaseEvidenceClient } from './case-evidence.client';
import { CaseReportRepository } from './case-report.repository';
import { CaseReportRpcController } from './case-report.rpc-controller';
import { GetCaseReportUseCase } from './get-case-report.use-case';
import { GetCertificatePdfUseCase } from './get-certificate-pdf.use-case';
import { IssueCaseReportUseCase } from './issue-case-report.use-case';
import { ListCaseReportsUseCase } from './list-case-reports.use-case';
import { RecordReportSentUseCase } from './record-report-sent.use-case';
import { ReportDeliveredHandler } from './report-delivered.handler';

/** The case report: issued on closure (with the clocks from scheduling and the exhibits from evidence), read through the gateway, emailed by notify. */
@Module({
  controllers: [CaseReportRpcController],
  providers: [
    CaseReportRepository,
    CaseDeadlinesClient,
    CaseEvidenceClient,
    IssueCaseReportUseCase,
    RecordReportSentUseCase,
    ListCaseReportsUseCase,
    GetCaseReportUseCase,
    GetCertificatePdfUseCase,
    CaseClosedReportHandler,
    ReportDeliveredHandler,
  ],
})
export class ReportsModule {}
