import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { InvoiceEmailRequestedHandler, PackEmailRequestedHandler, SpendAlertEmailRequestedHandler } from './contract-email.handlers';
import { EmailContractDocumentsUseCase } from './email-contract-documents.use-case';

/** Billing's invoices and spend warnings and reporting's monthly packs, emailed through the delivery log. */
@Module({
  imports: [DeliveriesModule],
  providers: [EmailContractDocumentsUseCase, InvoiceEmailRequestedHandler, SpendAlertEmailRequestedHandler, PackEmailRequestedHandler],
})
export class ContractEmailsModule {}
