import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { listenWithBodies } from './body-server';

interface IssuedCode {
  redirectUri: string;
  challenge: string;
  nonce?: string;
  email: string;
  until: number;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const base64url = (text: string) => createHash('sha256').update(text).digest('base64url');

/**
 * An organisation's identity provider on this machine, for tests: discovery, JWKS, an authorization
 * endpoint with a one-field sign-in form (the person's email; no password), a token endpoint that
 * checks the client secret and PKCE (S256 only), and RP-initiated logout. It refuses what a real one
 * refuses: unknown client, unregistered redirect URI, missing PKCE, a code used twice or with the
 * wrong verifier. The issuer and back-channel endpoints are on 127.0.0.1; the pages a browser opens
 * are on `localhost`, another site, so a test crosses sites as a real sign-in does.
 */
export class LocalOidcProvider {
  issuer = '';
  /** Where the browser goes: the same server under another host name. */
  browserBase = '';
  readonly redirectUris = new Set<string>();
  /** Every call to the end-session endpoint, as the test wants to see it. */
  readonly endSessions: { clientId: string | null; postLogoutRedirectUri: string | null }[] = [];
  /** Roles the provider puts in a person's ID token (the `roles` claim), by email. */
  readonly roles = new Map<string, string[]>();
  private readonly codes = new Map<string, IssuedCode>();
  private server?: Server;
  private privateKey?: KeyLike;
  private jwks = '';

  constructor(readonly client: { clientId: string; clientSecret?: string }) {}

  async start(): Promise<this> {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    this.privateKey = privateKey;
    this.jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'local-idp-1', alg: 'RS256', use: 'sig' }] });
    this.server = await listenWithBodies((req, text, res) => {
      this.handle(req, text, res).catch((error: unknown) => res.writeHead(500).end(String(error)));
    });
    const port = (this.server.address() as AddressInfo).port;
    this.issuer = `http://127.0.0.1:${port}`;
    this.browserBase = `http://localhost:${port}`;
    return this;
  }

  get jwksUri(): string {
    return `${this.issuer}/jwks`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(req: IncomingMessage, text: string, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.issuer);
    const json = (status: number, body: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/.well-known/openid-configuration')
      return json(200, {
        issuer: this.issuer,
        authorization_endpoint: `${this.browserBase}/authorize`,
        token_endpoint: `${this.issuer}/token`,
        jwks_uri: this.jwksUri,
        end_session_endpoint: `${this.browserBase}/end-session`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: [this.client.clientSecret ? 'client_secret_basic' : 'none'],
      });
    if (url.pathname === '/jwks') return json(200, JSON.parse(this.jwks));
    if (url.pathname === '/authorize' && req.method === 'GET') return this.authorizePage(url.searchParams, res);
    if (url.pathname === '/authorize' && req.method === 'POST') return this.approve(new URLSearchParams(text), res);
    if (url.pathname === '/token' && req.method === 'POST') return this.token(req, new URLSearchParams(text), json);
    if (url.pathname === '/end-session') {
      this.endSessions.push({ clientId: url.searchParams.get('client_id'), postLogoutRedirectUri: url.searchParams.get('post_logout_redirect_uri') });
      return page(res, 200, 'Signed out', '<h1>You have signed out of the identity provider</h1>');
    }
    res.writeHead(404).end();
  }

  /** The authorization request is checked before the person sees a form; a bad one never redirects. */
  private authorizeProblem(params: URLSearchParams): string | undefined {
    if (params.get('client_id') !== this.client.clientId) return 'unknown client_id';
    if (!this.redirectUris.has(params.get('redirect_uri') ?? '')) return 'redirect_uri is not registered';
    if (params.get('response_type') !== 'code') return 'response_type must be code';
    if (!(params.get('scope') ?? '').split(' ').includes('openid')) return 'scope must include openid';
    if (params.get('code_challenge_method') !== 'S256' || !params.get('code_challenge')) return 'PKCE with S256 is required';
    return undefined;
  }

  private authorizePage(params: URLSearchParams, res: ServerResponse): void {
    const problem = this.authorizeProblem(params);
    if (problem) return page(res, 400, 'Bad request', `<h1>Bad request</h1><p>${escape(problem)}</p>`);
    const hidden = [...params].map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`).join('');
    page(
      res,
      200,
      'Sign in to your organisation',
      `<h1>Sign in to your organisation</h1>
       <form method="post" action="/authorize">${hidden}
         <label for="idp-email">Work email</label> <input id="idp-email" name="email" type="email" autocomplete="username">
         <button type="submit">Continue</button>
       </form>`,
    );
  }

  private approve(params: URLSearchParams, res: ServerResponse): void {
    const problem = this.authorizeProblem(params) ?? (params.get('email') ? undefined : 'enter your email');
    if (problem) return page(res, 400, 'Bad request', `<h1>Bad request</h1><p>${escape(problem)}</p>`);
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, {
      redirectUri: params.get('redirect_uri')!,
      challenge: params.get('code_challenge')!,
      nonce: params.get('nonce') ?? undefined,
      email: params.get('email')!,
      until: Date.now() + 60_000,
    });
    const back = new URL(params.get('redirect_uri')!);
    back.searchParams.set('code', code);
    if (params.get('state') !== null) back.searchParams.set('state', params.get('state')!);
    res.writeHead(303, { location: back.toString() }).end();
  }

  private async token(req: IncomingMessage, params: URLSearchParams, json: (status: number, body: unknown) => void): Promise<void> {
    const invalid = (error: string, description: string) => json(400, { error, error_description: description });
    if (this.client.clientSecret) {
      const [id, secret] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
        .toString()
        .split(':')
        .map(decodeURIComponent);
      if (id !== this.client.clientId || secret !== this.client.clientSecret) return json(401, { error: 'invalid_client' });
    } else if (params.get('client_id') !== this.client.clientId) return json(401, { error: 'invalid_client' });
    if (params.get('grant_type') !== 'authorization_code') return invalid('unsupported_grant_type', 'only authorization_code');
    const issued = this.codes.get(params.get('code') ?? '');
    this.codes.delete(params.get('code') ?? ''); // a code is good once, even when the rest of the request is wrong
    if (!issued || issued.until < Date.now()) return invalid('invalid_grant', 'unknown, used or expired code');
    if (issued.redirectUri !== params.get('redirect_uri')) return invalid('invalid_grant', 'redirect_uri differs from the authorization request');
    if (base64url(params.get('code_verifier') ?? '') !== issued.challenge) return invalid('invalid_grant', 'PKCE verification failed');
    const claims: Record<string, unknown> = { email: issued.email, email_verified: true, ...(issued.nonce ? { nonce: issued.nonce } : {}) };
    if (this.roles.has(issued.email)) claims.roles = this.roles.get(issued.email);
    const idToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'local-idp-1' })
      .setIssuer(this.issuer)
      .setAudience(this.client.clientId)
      .setSubject(createHash('sha256').update(issued.email).digest('hex').slice(0, 24))
      .setIssuedAt()
      .setExpirationTime('15m')
      .sign(this.privateKey!);
    json(200, { access_token: randomUUID(), token_type: 'Bearer', expires_in: 900, id_token: idToken });
  }
}

function page(res: ServerResponse, status: number, title: string, content: string): void {
  res
    .writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
    .end(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${content}</main></body></html>`);
}
