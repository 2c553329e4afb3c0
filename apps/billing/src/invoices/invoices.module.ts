import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { CreditInvoiceUseCase } from './credit-invoice.use-case';
import { DraftInvoiceUseCase } from './draft-invoice.use-case';
import { InvoiceRepository } from './invoice.repository';
import { InvoicesRpcController } from './invoices.rpc-controller';
import { IssueInvoiceUseCase } from './issue-invoice.use-case';
import { ReadInvoicesUseCase } from './read-invoices.use-case';
import { RecordPaymentUseCase } from './record-payment.use-case';
import { VoidInvoiceUseCase } from './void-invoice.use-case';

/** Invoices and credit notes: drafted from the ledger, issued with gap-free numbers, rendered as PDF and CSV. */
@Module({
  imports: [LedgerModule, OrganisationsModule],
  controllers: [InvoicesRpcController],
  providers: [InvoiceRepository, DraftInvoiceUseCase, ReadInvoicesUseCase, IssueInvoiceUseCase, VoidInvoiceUseCase, CreditInvoiceUseCase, RecordPaymentUseCase],
  exports: [DraftInvoiceUseCase, ReadInvoicesUseCase],
})
export class InvoicesModule {}
