import { Inject, Injectable } from '@nestjs/common';
import http, { type IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { ProblemError } from '@mediation/platform';
import { EVIDENCE_GRANT_HEADER, EVIDENCE_GRANT_TTL_MS, signEvidenceGrant, type RpcMeta } from '@mediation/protocol';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

/** How long a forwarded request may go without a byte moving either way. */
const IDLE_TIMEOUT_MS = 120_000;

export interface ForwardOptions {
  /** The request body to stream on (an upload), with the headers that describe it. */
  body?: Readable;
  contentType?: string;
  contentLength?: string;
  /** The reader's X-Access-Reason, for the item's custody log. */
  reason?: string;
}

/**
 * The gateway's one way to the evidence service's files. A file does not fit a NATS message, so an
 * upload or a download is streamed over HTTP to the service's internal port, with a grant signed for
 * that one request (who is asking, the method and path, a minute to start): the gateway has already
 * authenticated the caller and checked their role and need-to-know; the evidence service checks the grant.
 */
@Injectable()
export class EvidenceFilesClient {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  forward(meta: RpcMeta, method: 'GET' | 'HEAD' | 'POST', path: string, options: ForwardOptions = {}): Promise<IncomingMessage> {
    const grant = signEvidenceGrant(this.config.EVIDENCE_GRANT_KEY, {
      meta,
      method,
      path,
      reason: options.reason,
      expiresAt: Date.now() + EVIDENCE_GRANT_TTL_MS,
    });
    const headers: Record<string, string> = { [EVIDENCE_GRANT_HEADER]: grant, 'x-correlation-id': meta.correlationId };
    if (options.contentType) headers['content-type'] = options.contentType;
    if (options.contentLength) headers['content-length'] = options.contentLength;
    return new Promise((resolve, reject) => {
      const upstream = http.request(new URL(path, this.config.EVIDENCE_URL), { method, headers }, resolve);
      upstream.on('error', () => reject(ProblemError.unavailable('The evidence service did not answer; try again shortly.')));
      // A stalled transfer (either side silent this long) is given up rather than held open for ever.
      upstream.setTimeout(IDLE_TIMEOUT_MS, () => upstream.destroy(new Error('idle')));
      if (options.body) {
        options.body.on('error', () => upstream.destroy());
        options.body.pipe(upstream);
      } else upstream.end();
    });
  }

  /** A small JSON answer (metadata, a problem) read whole; a problem is rethrown as the same problem. */
  async json(answer: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of answer) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') as Record<string, unknown> | null;
    if ((answer.statusCode ?? 500) >= 400) throw problemFrom(answer.statusCode ?? 502, body);
    return body;
  }
}

/** The evidence service's problem, passed on as it is (its `type`, `detail` and `errors` name the field). */
export function problemFrom(status: number, body: Record<string, unknown> | null): ProblemError {
  const { type, title, detail, errors } = (body ?? {}) as {
    type?: string;
    title?: string;
    detail?: string;
    errors?: { field: string; message: string; code: string }[];
  };
  return new ProblemError({ type: type ?? 'about:blank', title: title ?? 'Evidence service error', status, detail, ...(errors ? { errors } : {}) });
}
