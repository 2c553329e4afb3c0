import { Inject, Injectable } from '@nestjs/common';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../config/console.config';

/** A problem the gateway answered (RFC 9457), with its field errors when it was a 400. */
export class GatewayProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: { title?: string; detail?: string; errors?: { field: string; message: string }[] },
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

  async call<T>(token: string | undefined, method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.send(token, method, path, body);
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as T) : (undefined as T);
    // The gateway's reason goes with it (e.g. no account has an OIDC token's email), for pages that show it.
    if (res.status === 401) throw new SignedOut((parsed as { detail?: string } | undefined)?.detail);
    if (res.status >= 400) throw new GatewayProblem(res.status, (parsed ?? {}) as GatewayProblem['problem']);
    return parsed;
  }

  /** The raw answer, for a file (a case report PDF) streamed on to the browser. */
  async download(token: string | undefined, path: string): Promise<Response> {
    const res = await this.send(token, 'GET', path);
    if (res.status === 401) throw new SignedOut();
    if (res.status >= 400) throw new GatewayProblem(res.status, (await res.json().catch(() => ({}))) as GatewayProblem['problem']);
    return res;
  }

  private send(token: string | undefined, method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${this.config.GATEWAY_URL}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }
}
