import { DynamicModule, Module } from '@nestjs/common';
import { CaseClosedReportHandler } from './case-closed.handler';
import { CaseDeadlinesClient } from './case-deadlines.client';
import { CaseReportRepository } from './case-report.repository';
import { CaseReportRpcController } from './case-report.rpc-controller';
import { GetCaseReportUseCase } from './get-case-report.use-case';
import { GetCertificatePdfUseCase } from './get-certificate-pdf.use-case';
import { IssueCaseReportUseCase } from './issue-case-report.use-case';
import { ListCaseReportsUseCase } from './list-case-reports.use-case';
import { RecordReportSentUseCase } from './record-report-sent.use-case';
import { ReportDeliveredHandler } from './report-delivered.handler';
import { REPORTS_OPTIONS, type ReportsOptions } from './reports.options';

/** The case report: issued on closure, read through the gateway, emailed by notify. */
@Module({})
export class ReportsModule {
  static forService(options: ReportsOptions): DynamicModule {
    return {
      module: ReportsModule,
      controllers: [CaseReportRpcController],
      providers: [
        { provide: REPORTS_OPTIONS, useValue: options },
        CaseReportRepository,
        CaseDeadlinesClient,
        IssueCaseReportUseCase,
        RecordReportSentUseCase,
        ListCaseReportsUseCase,
        GetCaseReportUseCase,
        GetCertificatePdfUseCase,
        CaseClosedReportHandler,
        ReportDeliveredHandler,
      ],
    };
  }
}
