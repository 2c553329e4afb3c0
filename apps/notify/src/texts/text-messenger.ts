import { MailRejectedError } from '../mail/mailer';

/** One text to one number; `body` is the whole message, `templateFields` the same for a provider that fills its own template. */
export interface OutgoingText {
  /** E.164, e.g. +447912345678. */
  to: string;
  body: string;
  templateFields: Record<string, string>;
  /** The delivery id: the same on every attempt, so the provider's records and receipts name it. */
  reference: string;
}

/** The provider refused the text for good (a 4xx: a bad number, a bad key, a template that does not fit): trying again would get the same answer. */
export class TextRejectedError extends MailRejectedError {}

/** The one delivery port for texts: GOV.UK Notify or a generic HTTP provider, chosen by SMS_PROVIDER. */
export abstract class TextMessenger {
  /** Resolves once the provider has accepted the text, with the id it gave it (for its delivery receipt). */
  abstract send(text: OutgoingText): Promise<{ providerId: string | null }>;

  /** The provider's receipt for a text it took: final (`delivered` or not) or still awaited (null). */
  abstract receipt(providerId: string): Promise<TextReceipt | null>;
}

export interface TextReceipt {
  delivered: boolean;
  /** The provider's own word for it. */
  status: string;
}
