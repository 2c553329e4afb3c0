import { Module } from '@nestjs/common';
import { ContractBillingController } from './contract-billing.controller';
import { InvoicesController } from './invoices.controller';

/** The billing routes: invoices and a contract's spend, answered by the billing service over RPC. */
@Module({ controllers: [InvoicesController, ContractBillingController] })
export class BillingModule {}
