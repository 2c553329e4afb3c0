import { Module } from '@nestjs/common';
import { InvoicesModule } from '../invoices/invoices.module';
import { DeclareInvoiceSchedulesUseCase } from './declare-invoice-schedules.use-case';
import { DraftDueInvoiceUseCase } from './draft-due-invoice.use-case';
import { InvoiceScheduleHandler } from './invoice-schedule.handler';
import { InvoiceScheduleProcessor } from './invoice-schedule.processor';

/** Invoices on a schedule: one BullMQ job scheduler per contract, at the start of each billing period. */
@Module({
  imports: [InvoicesModule],
  providers: [DeclareInvoiceSchedulesUseCase, DraftDueInvoiceUseCase, InvoiceScheduleHandler, InvoiceScheduleProcessor],
})
export class InvoiceScheduleModule {}
