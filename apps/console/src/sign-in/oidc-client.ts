import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { OidcClientSettings } from '../config/console.config';

/** Only asymmetric algorithms, as the gateway accepts: a key set publishes public keys. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** What the browser must bring back to the callback: kept in a sealed cookie between the two legs. */
export interface PendingSignIn {
  provider: string;
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
}

export interface SignedInWithProvider {
  idToken: string;
  claims: JWTPayload;
  expiresAt: Date;
}

/**
 * Why a sign-in through the provider stopped, in words that say what to do: `state` (the answer is
 * not for this browser's sign-in: start again), `refused` (the provider said no), `provider` (its
 * answer or token did not check out).
 */
export class OidcSignInError extends Error {
  constructor(
    readonly kind: 'state' | 'refused' | 'provider',
    message: string,
  ) {
    super(message);
  }
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint?: string;
}

const random = () => randomBytes(32).toString('base64url');

/**
 * The console as an OpenID Connect relying party: authorization-code flow with PKCE (S256), state and
 * nonce, against the provider's discovery document. The ID token it gets back is what the gateway
 * accepts as a bearer token (it checks the same issuer's keys), so it is the console's session token.
 */
export class OidcClient {
  private readonly discoveries = new Map<string, { doc: Discovery; until: number }>();
  private readonly keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

  /** Where to send the browser, and what to keep until it comes back. */
  async start(provider: OidcClientSettings, redirectUri: string): Promise<{ url: string; pending: PendingSignIn }> {
    const doc = await this.discover(provider);
    const pending: PendingSignIn = { provider: provider.id, state: random(), nonce: random(), verifier: random(), redirectUri };
    const url = new URL(doc.authorization_endpoint);
    const params = {
      response_type: 'code',
      client_id: provider.clientId,
      redirect_uri: redirectUri,
      scope: provider.scope,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: createHash('sha256').update(pending.verifier).digest('base64url'),
      code_challenge_method: 'S256',
    };
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return { url: url.toString(), pending };
  }

  /** The callback: the state must be this browser's, then the code is exchanged and the ID token checked. */
  async finish(provider: OidcClientSettings, pending: PendingSignIn | undefined, query: Record<string, unknown>): Promise<SignedInWithProvider> {
    if (!pending || pending.provider !== provider.id || typeof query.state !== 'string' || query.state !== pending.state)
      throw new OidcSignInError('state', 'This sign-in answer is not for the sign-in started in this browser, or it has expired.');
    if (typeof query.error === 'string')
      throw new OidcSignInError(
        'refused',
        `${provider.name} did not sign you in (${query.error}${typeof query.error_description === 'string' ? `: ${query.error_description}` : ''}).`,
      );
    if (typeof query.code !== 'string' || !query.code) throw new OidcSignInError('provider', `${provider.name} sent no authorization code.`);
    const doc = await this.discover(provider);
    const idToken = await this.exchange(provider, doc, query.code, pending);
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(idToken, this.keySet(doc.jwks_uri), {
        issuer: doc.issuer,
        audience: provider.clientId,
        algorithms: ALGORITHMS,
        clockTolerance: 30,
        requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (error) {
      throw new OidcSignInError('provider', `The ID token from ${provider.name} did not check out (${(error as Error).message}).`);
    }
    // The nonce binds the token to this sign-in: a token replayed from another one is refused.
    if (claims.nonce !== pending.nonce) throw new OidcSignInError('provider', `The ID token from ${provider.name} is not for this sign-in (nonce).`);
    return { idToken, claims, expiresAt: new Date(claims.exp! * 1000) };
  }

  /** RP-initiated logout, when the provider advertises it; client_id rather than id_token_hint keeps the token out of a URL. */
  async endSessionUrl(provider: OidcClientSettings, postLogoutRedirectUri: string): Promise<string | undefined> {
    const doc = await this.discover(provider).catch(() => undefined);
    if (!doc?.end_session_endpoint) return undefined;
    const url = new URL(doc.end_session_endpoint);
    url.searchParams.set('client_id', provider.clientId);
    url.searchParams.set('post_logout_redirect_uri', postLogoutRedirectUri);
    return url.toString();
  }

  private async exchange(provider: OidcClientSettings, doc: Discovery, code: string, pending: PendingSignIn): Promise<string> {
    const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: pending.redirectUri, code_verifier: pending.verifier });
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    // A confidential client authenticates with client_secret_basic; a public one names itself and relies on PKCE.
    if (provider.clientSecret)
      headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(provider.clientId)}:${encodeURIComponent(provider.clientSecret)}`).toString('base64')}`;
    else body.set('client_id', provider.clientId);
    const res = await fetch(doc.token_endpoint, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
    const answer = (await res.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown; error_description?: unknown };
    if (!res.ok || typeof answer.id_token !== 'string') {
      const why =
        typeof answer.error === 'string'
          ? `${answer.error}${typeof answer.error_description === 'string' ? `: ${answer.error_description}` : ''}`
          : `HTTP ${res.status}`;
      throw new OidcSignInError('provider', `${provider.name} would not exchange the sign-in code (${why}).`);
    }
    return answer.id_token;
  }

  /** The discovery document, kept ten minutes; its issuer must be exactly the configured one. */
  private async discover(provider: OidcClientSettings): Promise<Discovery> {
    const cached = this.discoveries.get(provider.issuer);
    if (cached && cached.until > Date.now()) return cached.doc;
    const res = await fetch(`${provider.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(10_000) }).catch(
      () => undefined,
    );
    const doc = (await res?.json().catch(() => undefined)) as Partial<Discovery> | undefined;
    if (!res?.ok || !doc) throw new OidcSignInError('provider', `${provider.name} could not be reached just now; try again in a few minutes.`);
    if (doc.issuer !== provider.issuer || !doc.authorization_endpoint || !doc.token_endpoint || !doc.jwks_uri)
      throw new OidcSignInError('provider', `${provider.name}'s discovery document does not match the console's settings; tell your administrator.`);
    this.discoveries.set(provider.issuer, { doc: doc as Discovery, until: Date.now() + 10 * 60_000 });
    return doc as Discovery;
  }

  private keySet(jwksUri: string) {
    let keySet = this.keySets.get(jwksUri);
    if (!keySet) this.keySets.set(jwksUri, (keySet = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 5_000 })));
    return keySet;
  }
}
