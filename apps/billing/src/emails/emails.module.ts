import { Module } from '@nestjs/common';
import { InvoicesModule } from '../invoices/invoices.module';
import { BillingEmailProcessor } from './billing-email.processor';
import { SendBillingEmailUseCase } from './send-billing-email.use-case';

/** Sends what billing queued: issued invoices to the buyer, spend thresholds to the contract manager. */
@Module({
  imports: [InvoicesModule],
  providers: [SendBillingEmailUseCase, BillingEmailProcessor],
})
export class EmailsModule {}
