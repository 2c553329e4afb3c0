import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { guardedLookup } from '@mediation/platform';

/** At most this much of an endpoint's answer is kept in the delivery log. */
export const RESPONSE_BODY_LIMIT = 1_000;

export interface SentAttempt {
  statusCode: number | null;
  durationMs: number;
  responseBody: string | null;
  error: string | null;
}

/** Kept-alive connections per origin, so a busy partner is not sent a TCP (and TLS) handshake per message. */
const agents = new Map<string, HttpAgent>();
/** Origins remembered at most; past it the idle connections are closed and the map starts again. */
const MAX_AGENTS = 2_000;

function agentFor(url: URL, allowLoopback: boolean): HttpAgent {
  const key = `${url.protocol}//${url.host}|${allowLoopback}`;
  let agent = agents.get(key);
  if (!agent) {
    if (agents.size >= MAX_AGENTS) {
      for (const old of agents.values()) old.destroy();
      agents.clear();
    }
    // A new connection still goes through the guarded lookup (it is passed with each request); one kept alive was checked when made.
    const options = { keepAlive: true, keepAliveMsecs: 1_000, maxSockets: 64, maxFreeSockets: 16, timeout: 30_000 };
    agent = url.protocol === 'https:' ? new HttpsAgent(options) : new HttpAgent(options);
    agents.set(key, agent);
  }
  return agent;
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
        agent: agentFor(url, options.allowLoopback),
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
