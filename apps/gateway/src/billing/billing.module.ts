import { Module } from '@nestjs/common';
import { ContractBillingController } from './contract-billing.controller';
import { InvoicesController } from './invoices.controller';
import { StaffStatementsController } from './staff-statements.controller';

/** The billing routes: invoices, a contract's spend, staff statements and payroll, answered by the billing service over RPC. */
@Module({ controllers: [InvoicesController, ContractBillingController, StaffStatementsController] })
export class BillingModule {}
