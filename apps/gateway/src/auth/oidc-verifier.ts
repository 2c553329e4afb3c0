import { Inject, Injectable } from '@nestjs/common';
import { checkOutboundUrl, Clock, guardedLookup, OutboundAddressError, ProblemError } from '@mediation/platform';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { OidcProviderRepository } from '../organisations/oidc-provider.repository';

/** Only asymmetric algorithms: a JWKS publishes public keys, and HS256 with a public key would let anyone sign. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export interface OidcIdentity {
  organisationId: string;
  email: string;
  /** The token's roles claim, when it has one; it can only narrow the stored roles. */
  roles?: string[];
}

/** Checks a token from an organisation's own OpenID Connect provider against that provider's published keys. */
@Injectable()
export class OidcVerifier {
  /** One key set per JWKS address: jose caches the keys and refetches when it meets an unknown `kid`. */
  private readonly keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

  constructor(
    private readonly providers: OidcProviderRepository,
    private readonly clock: Clock,
    @Inject(GATEWAY_CONFIG) private readonly config: Pick<GatewayConfig, 'OIDC_ALLOW_LOOPBACK'>,
  ) {}

  async verify(token: string, issuer: string | undefined): Promise<OidcIdentity> {
    const provider = issuer ? await this.providers.findByIssuer(issuer) : null;
    if (!provider) throw ProblemError.unauthenticated('The token’s issuer is not the OpenID Connect provider of any organisation here.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await this.keySet(provider.jwksUri), {
        issuer: provider.issuer,
        audience: provider.audience,
        algorithms: ALGORITHMS,
        currentDate: this.clock.now(),
        clockTolerance: 30,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw this.explain(error);
    }
    const email = claim(payload, provider.emailClaim);
    if (typeof email !== 'string' || !email) throw ProblemError.unauthenticated(`The token has no \`${provider.emailClaim}\` claim to know you by.`);
    if (payload.email_verified === false) throw ProblemError.unauthenticated('Your identity provider says this email address is not verified.');
    const roles = claim(payload, provider.rolesClaim);
    return {
      organisationId: provider.organisationId,
      email: email.toLowerCase(),
      roles: Array.isArray(roles) ? roles.map(String) : typeof roles === 'string' ? roles.split(/[\s,]+/) : undefined,
    };
  }

  /**
   * Checked again here, as settings stored before the rule may point inside; every connection then
   * resolves through the guard, so a name re-pointed at a private address later is refused too.
   */
  private async keySet(jwksUri: string) {
    let keySet = this.keySets.get(jwksUri);
    if (keySet) return keySet;
    const options = { allowLoopback: this.config.OIDC_ALLOW_LOOPBACK };
    const url = await checkOutboundUrl(jwksUri, options);
    const agent = new (url.protocol === 'https:' ? HttpsAgent : HttpAgent)({ lookup: guardedLookup(options) });
    this.keySets.set(jwksUri, (keySet = createRemoteJWKSet(url, { agent, timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 })));
    return keySet;
  }

  private explain(error: unknown): ProblemError {
    if (error instanceof OutboundAddressError)
      return ProblemError.unavailable(
        `The signing keys of your identity provider are at an address this gateway does not fetch from (${error.message}); ask your administrator to correct the OpenID Connect settings.`,
      );
    if (error instanceof errors.JWTExpired) return ProblemError.unauthenticated('The token has expired; sign in again.');
    if (error instanceof errors.JWTClaimValidationFailed) return ProblemError.unauthenticated(`The token’s \`${error.claim}\` claim is not accepted here.`);
    if (keysUnreachable(error)) return ProblemError.unavailable('The signing keys of your identity provider could not be fetched; try again shortly.');
    return ProblemError.unauthenticated('The token’s signature is not valid.');
  }
}

/** The provider's JWKS did not answer, or not with keys: their outage, not the caller's bad token. */
function keysUnreachable(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  if (error instanceof errors.JOSEError) return error.code === 'ERR_JOSE_GENERIC' && /Expected 200/.test(error.message);
  return typeof (error as { code?: unknown })?.code === 'string'; // a socket error: ECONNREFUSED, ENOTFOUND, …
}

/** A claim by name, or by dotted path for providers that nest roles (`realm_access.roles`). */
function claim(payload: JWTPayload, name: string): unknown {
  if (name in payload) return payload[name];
  return name.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), payload);
}
