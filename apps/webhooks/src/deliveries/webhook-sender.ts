import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup } from '@mediation/platform';

/** At most this much of an endpoint's answer is kept in the delivery log. */
export const RESPONSE_BODY_LIMIT = 1_000;

export interface SentAttempt {
  statusCode: number | null;
  durationMs: number;
  responseBody: string | null;
  error: string | null;
}

/**
 * POSTs one message. The connection goes only to an address checked again now (guardedLookup: DNS can change
 * after the URL was stored); no redirect is followed (a 3xx is a failure, as Standard Webhooks expects); the
 * whole attempt is bounded by `timeoutMs`; the answer is read up to RESPONSE_BODY_LIMIT characters.
 */
export function postWebhook(
  url: URL,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowLoopback: boolean; now?: () => number },
): Promise<SentAttempt> {
  const now = options.now ?? Date.now;
  const started = now();
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<SentAttempt, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: Math.max(0, Math.round(now() - started)) });
    };
    const req = request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'mediation-webhooks/1', ...headers },
        lookup: guardedLookup({ allowLoopback: options.allowLoopback }),
        agent: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < RESPONSE_BODY_LIMIT) text += chunk;
        });
        res.on('end', () => finish({ statusCode: res.statusCode ?? null, responseBody: text.slice(0, RESPONSE_BODY_LIMIT) || null, error: null }));
        res.on('error', (error) =>
          finish({ statusCode: res.statusCode ?? null, responseBody: text.slice(0, RESPONSE_BODY_LIMIT) || null, error: error.message }),
        );
      },
    );
    const timer = setTimeout(() => {
      finish({ statusCode: null, responseBody: null, error: `no answer within ${options.timeoutMs} ms` });
      req.destroy();
    }, options.timeoutMs);
    req.on('error', (error) => finish({ statusCode: null, responseBody: null, error: error.message }));
    req.end(body);
  });
}
