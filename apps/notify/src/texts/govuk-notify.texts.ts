import { NotifyClient } from 'notifications-node-client';
import { TextMessenger, TextRejectedError, type OutgoingText, type TextReceipt } from './text-messenger';

/** Notify's final statuses of a text; the others (`created`, `sending`, `pending`) are still on their way. */
const FINAL = { delivered: true, 'permanent-failure': false, 'temporary-failure': false, 'technical-failure': false } as Record<string, boolean>;

/** What the client throws: axios's error, with Notify's answer (`{ status_code, errors: [{ error, message }] }`). */
interface NotifyClientError {
  response?: { status?: number; data?: { errors?: { error?: string; message?: string }[] } };
  message?: string;
}

/**
 * Texts through GOV.UK Notify with GOV.UK's own client (POST /v2/notifications/sms, a JWT made from
 * the API key): the service's template is filled with the text's fields, and our delivery id is the
 * reference Notify keeps. Notify's base URL is configurable (a local fake in tests).
 */
export class GovUkNotifyTexts extends TextMessenger {
  private readonly client: NotifyClient;

  constructor(options: { baseUrl: string; apiKey: string; templateId: string }) {
    super();
    this.client = new NotifyClient(options.baseUrl, options.apiKey);
    this.templateId = options.templateId;
  }

  private readonly templateId: string;

  async send(text: OutgoingText): Promise<{ providerId: string | null }> {
    try {
      const response = await this.client.sendSms(this.templateId, text.to, { personalisation: text.templateFields, reference: text.reference });
      return { providerId: (response.data as { id?: string }).id ?? null };
    } catch (error) {
      const e = error as NotifyClientError;
      const status = e.response?.status;
      const detail = e.response?.data?.errors?.map((x) => `${x.error ?? ''}: ${x.message ?? ''}`).join('; ') ?? e.message ?? String(error);
      // 4xx other than 429 (rate limit) will not change by retrying; 429 and 5xx may.
      if (status && status >= 400 && status < 500 && status !== 429) throw new TextRejectedError(`GOV.UK Notify refused the text (${status}): ${detail}`);
      throw new Error(`GOV.UK Notify did not take the text${status ? ` (${status})` : ''}: ${detail}`, { cause: error });
    }
  }

  async receipt(providerId: string): Promise<TextReceipt | null> {
    const response = await this.client.getNotificationById(providerId);
    const status = String((response.data as { status?: string }).status ?? '');
    return status in FINAL ? { delivered: FINAL[status], status } : null;
  }
}
