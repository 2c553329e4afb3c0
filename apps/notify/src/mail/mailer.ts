import { inSpan, SpanKind } from '@mediation/platform';
import type { OnModuleDestroy } from '@nestjs/common';
import { createTransport, type NodemailerError } from 'nodemailer';
import { oneLine } from './mail-text';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** `<id@domain>`: the same on every attempt, so a resend is recognisable as the same message. */
  messageId: string;
  attachments?: MailAttachment[];
  /** The display name it is sent in (the organisation's); the address stays MAIL_FROM's. */
  fromName?: string;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** The server refused the message for good (a 5xx reply): sending it again would get the same answer. */
export class MailRejectedError extends Error {}

/** What the message was to carry (an attachment, a link) no longer exists: sending it later would not find it either. */
export class MailContentUnavailableError extends MailRejectedError {}

/** MAIL_FROM's address, whether it was given bare or as `"Name" <address>`: what a calendar entry names as its organiser. */
export class MailSender {
  readonly address: string;

  constructor(from: string) {
    this.address = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from;
  }
}

/** Hands a message to a mail server; tests swap it for a fake. */
export abstract class Mailer {
  abstract send(mail: OutgoingMail): Promise<void>;
}

/** Sends over SMTP with nodemailer; resolves once the server has accepted the message. */
export class SmtpMailer extends Mailer implements OnModuleDestroy {
  private readonly transport;
  /** MAIL_FROM's address, whether it was given bare or as `"Name" <address>`. */
  private readonly fromAddress: string;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    super();
    this.fromAddress = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from;
    // Short timeouts: a hung server should fail the attempt and let the job retry, not hold a worker.
    // Pooled: a new SMTP session per message made notify the busiest service under load.
    this.transport = createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: 4,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    // One span per message handed to SMTP, the last hop of a referral's trace.
    return inSpan('smtp send', { kind: SpanKind.CLIENT, attributes: { 'messaging.message.id': mail.messageId ?? '' } }, () => this.sendNow(mail));
  }

  private async sendNow(mail: OutgoingMail): Promise<void> {
    try {
      await this.transport.sendMail({
        from: mail.fromName ? { name: oneLine(mail.fromName), address: this.fromAddress } : this.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        ...(mail.attachments?.length
          ? { attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) }
          : {}),
      });
    } catch (error) {
      if ((error as NodemailerError).permanent) throw new MailRejectedError((error as Error).message, { cause: error });
      throw error;
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
