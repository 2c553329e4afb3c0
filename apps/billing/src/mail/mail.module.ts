import { DynamicModule, Global, Module } from '@nestjs/common';
import type { BillingConfig } from '../config/billing.config';
import { BillingEmails } from './billing-emails';
import { BillingMailer, SmtpBillingMailer } from './billing-mailer';

/** The mail server and the queue of billing's emails; global, so the ledger and invoices can queue without importing the senders. */
@Global()
@Module({})
export class MailModule {
  static register(config: BillingConfig): DynamicModule {
    return {
      module: MailModule,
      providers: [{ provide: BillingMailer, useFactory: () => new SmtpBillingMailer(config.SMTP_URL, config.MAIL_FROM) }, BillingEmails],
      exports: [BillingMailer, BillingEmails],
    };
  }
}
