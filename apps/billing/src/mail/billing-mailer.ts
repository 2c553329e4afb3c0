import type { OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';

export interface BillingMail {
  to: string;
  subject: string;
  text: string;
  /** The same on every attempt, so a resend is recognisable as the same message. */
  messageId: string;
  fromName?: string;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

/** Hands a message to a mail server; tests swap it for a fake. */
export abstract class BillingMailer {
  abstract send(mail: BillingMail): Promise<void>;
}

/** SMTP with nodemailer, pooled, with short timeouts so a hung server fails the job's attempt (BullMQ retries). */
export class SmtpBillingMailer extends BillingMailer implements OnModuleDestroy {
  private readonly transport;
  private readonly fromAddress: string;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    super();
    this.fromAddress = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from;
    this.transport = createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: 2,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: BillingMail): Promise<void> {
    await this.transport.sendMail({
      from: mail.fromName ? { name: mail.fromName.replace(/[\r\n]+/g, ' '), address: this.fromAddress } : this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
    });
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
