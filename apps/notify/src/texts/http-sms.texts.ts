import { TextMessenger, TextRejectedError, type OutgoingText, type TextReceipt } from './text-messenger';

/**
 * A generic HTTP SMS provider: POST {to, body, reference} as JSON to SMS_HTTP_URL, with a bearer token
 * when one is set; any 2xx is accepted, and a JSON answer's `id` is kept. Its receipt is GET
 * SMS_HTTP_URL/<id>, answering `{status}`: `delivered`, `failed`, or anything else while on its way. The development mail catcher
 * takes texts this way (POST /texts) and shows them at GET /texts.
 */
export class HttpSmsTexts extends TextMessenger {
  constructor(private readonly options: { url: string; token?: string; timeoutMs?: number }) {
    super();
  }

  async send(text: OutgoingText): Promise<{ providerId: string | null }> {
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}) },
      body: JSON.stringify({ to: text.to, body: text.body, reference: text.reference }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    const answer = await response.text();
    if (response.status >= 400 && response.status < 500 && response.status !== 429)
      throw new TextRejectedError(`the SMS provider refused the text (${response.status}): ${answer.slice(0, 200)}`);
    if (!response.ok) throw new Error(`the SMS provider did not take the text (${response.status}): ${answer.slice(0, 200)}`);
    try {
      const id = (JSON.parse(answer) as { id?: unknown }).id;
      return { providerId: typeof id === 'string' ? id : null };
    } catch {
      return { providerId: null };
    }
  }

  async receipt(providerId: string): Promise<TextReceipt | null> {
    const response = await fetch(`${this.options.url.replace(/\/$/, '')}/${encodeURIComponent(providerId)}`, {
      headers: this.options.token ? { authorization: `Bearer ${this.options.token}` } : {},
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    if (!response.ok) throw new Error(`the SMS provider gave no receipt for ${providerId} (${response.status})`);
    const status = String(((await response.json()) as { status?: unknown }).status ?? '');
    return status === 'delivered' || status === 'failed' ? { delivered: status === 'delivered', status } : null;
  }
}
