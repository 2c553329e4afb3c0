import { DynamicModule, Global, Module } from '@nestjs/common';
import { Mailer, MailSender, SmtpMailer } from './mailer';

export interface MailOptions {
  smtpUrl: string;
  from: string;
}

/** Binds the Mailer to SMTP; a test overrides the Mailer provider. */
@Global()
@Module({})
export class MailModule {
  static forService(options: MailOptions): DynamicModule {
    return {
      module: MailModule,
      providers: [
        { provide: Mailer, useFactory: () => new SmtpMailer(options.smtpUrl, options.from) },
        { provide: MailSender, useValue: new MailSender(options.from) },
      ],
      exports: [Mailer, MailSender],
    };
  }
}
