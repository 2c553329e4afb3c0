import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { CaseReportIssuedHandler } from './case-report-issued.handler';
import { EmailCaseReportUseCase } from './email-case-report.use-case';

@Module({
  imports: [DeliveriesModule],
  providers: [EmailCaseReportUseCase, CaseReportIssuedHandler],
})
export class CaseReportEmailsModule {}
