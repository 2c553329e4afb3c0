import { Inject, Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { ROLES, type Role } from '@mediation/protocol';
import { decodeJwt, type JWTPayload } from 'jose';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { SignedOutTokens } from '../sign-in/signed-out-tokens';
import { SIGN_IN_ISSUER, SignInTokens } from '../sign-in/sign-in-tokens';
import { UserRepository } from '../users/user.repository';
import { hashSecret, parseApiKey, secretMatches } from './api-key';
import { ApiKeyRepository } from './api-key.repository';
import { contractRestriction } from './contract-restriction';
import { OidcVerifier } from './oidc-verifier';
import type { Principal } from './principal';

/**
 * Turns an Authorization header into a principal, or a 401 that says what is wrong. A bearer token
 * is an API key (`mk_…`), else a JWT: the gateway's own sign-in token when its `iss` is the
 * gateway, otherwise a token of the organisation whose OIDC issuer it names.
 */
@Injectable()
export class AuthenticateUseCase {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly users: UserRepository,
    private readonly sessions: SignInTokens,
    private readonly revocations: SignedOutTokens,
    private readonly oidc: OidcVerifier,
    private readonly clock: Clock,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async execute(authorization: string | undefined): Promise<Principal> {
    if (!authorization) throw ProblemError.unauthenticated('Send an API key or a sign-in token as `Authorization: Bearer <token>`.');
    const [scheme, raw] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !raw) throw ProblemError.unauthenticated('The Authorization header must be `Bearer <token>`.');
    const token = raw.trim();
    if (token.startsWith('mk_')) return this.apiKey(token);
    let claims: JWTPayload;
    try {
      claims = decodeJwt(token);
    } catch {
      throw ProblemError.unauthenticated('The bearer token is neither an API key nor a sign-in token.');
    }
    if (claims.iss === SIGN_IN_ISSUER) {
      const session = await this.sessions.verify(token);
      await this.revocations.assertNotRevoked(session.tokenId);
      return this.person(session.organisationId, { id: session.userId });
    }
    const identity = await this.oidc.verify(token, claims.iss);
    return this.person(identity.organisationId, { email: identity.email }, identity.roles);
  }

  private async apiKey(token: string): Promise<Principal> {
    const parsed = parseApiKey(token);
    // Made only when thrown: an error captures a stack, and this runs on every request with a key.
    const unknown = () => ProblemError.unauthenticated('The API key is not valid.');
    if (!parsed) throw unknown();
    const key = await this.keys.findPresented(parsed.keyId, hashSecret(this.config.API_KEY_PEPPER, parsed.secret));
    if (!key || !secretMatches(this.config.API_KEY_PEPPER, parsed.secret, key.secretHash)) throw unknown();
    if (key.revokedAt) throw ProblemError.unauthenticated('The API key has been revoked.');
    if (key.expiresAt && key.expiresAt <= this.clock.now()) throw ProblemError.unauthenticated('The API key has expired.');
    return { organisationId: key.organisationId, actorId: `api-key:${key.id}`, actorType: 'api-key', roles: [], scopes: key.scopes };
  }

  /**
   * The person as stored now, not as the token remembers them: disabling someone or taking a role
   * away takes effect on their next request. An OIDC roles claim can narrow the stored roles but
   * never add one, so the organisation's identity provider cannot grant what an administrator here has not.
   */
  private async person(organisationId: string, who: { id: string } | { email: string }, claimedRoles?: string[]): Promise<Principal> {
    const user = 'id' in who ? await this.users.find(organisationId, who.id) : await this.users.findByEmail(organisationId, who.email);
    if (!user)
      throw ProblemError.unauthenticated(
        'id' in who
          ? 'The sign-in token’s user no longer exists.'
          : 'No user of the organisation has the token’s email address; ask your administrator to add you.',
      );
    if (user.status !== 'active') throw ProblemError.unauthenticated('This account is disabled; ask your administrator.');
    const stored = user.roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role));
    const roles = claimedRoles ? stored.filter((role) => claimedRoles.includes(role)) : stored;
    const contractIds = contractRestriction(roles, user.contractIds);
    return { organisationId, actorId: `user:${user.id}`, actorType: 'user', roles, scopes: [], staffId: user.staffId, ...(contractIds ? { contractIds } : {}) };
  }
}
