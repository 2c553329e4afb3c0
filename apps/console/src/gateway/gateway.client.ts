import { Inject, Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../config/console.config';

/** A problem the gateway answered (RFC 9457), with its field errors when it was a 400. */
export class GatewayProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: { title?: string; detail?: string; errors?: { field: string; message: string; code?: string }[] },
  ) {
    super(problem.detail ?? problem.title ?? `the API answered ${status}`);
  }
}

/** The token is missing, expired or revoked: the person signs in again. */
export class SignedOut extends Error {}

/**
 * The only way the console reaches data: the public /v1 API, as the signed-in person (their bearer
 * token), so every permission, audit entry and tenant wall is the gateway's, never the console's.
 */
@Injectable()
export class GatewayClient {
  constructor(@Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig) {}

  async call<T>(token: string | undefined, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    return this.answer<T>(await this.send(token, method, path, body, headers));
  }

  /** The raw answer, for a file (a case report PDF) streamed on to the browser. */
  async download(token: string | undefined, path: string, headers?: Record<string, string>): Promise<Response> {
    const res = await this.send(token, 'GET', path, undefined, headers);
    if (res.status === 401) throw new SignedOut();
    if (res.status >= 400) throw new GatewayProblem(res.status, (await res.json().catch(() => ({}))) as GatewayProblem['problem']);
    return res;
  }

  /** A multipart/form-data body (an exhibit) streamed on to the API as it arrives, never held whole. */
  async upload<T>(token: string | undefined, path: string, body: Readable, contentType: string): Promise<T> {
    const res = await fetch(`${this.config.GATEWAY_URL}${path}`, {
      method: 'POST',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': contentType },
      body: Readable.toWeb(body) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    return this.answer<T>(res);
  }

  private async answer<T>(res: Response): Promise<T> {
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as T) : (undefined as T);
    // The gateway's reason goes with it (e.g. no account has an OIDC token's email), for pages that show it.
    if (res.status === 401) throw new SignedOut((parsed as { detail?: string } | undefined)?.detail);
    if (res.status >= 400) throw new GatewayProblem(res.status, (parsed ?? {}) as GatewayProblem['problem']);
    return parsed;
  }

  private send(token: string | undefined, method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Response> {
    const headers: Record<string, string> = { ...extra };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${this.config.GATEWAY_URL}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }
}
