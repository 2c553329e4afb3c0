import { Inject, Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { ROLES, type Role } from '@mediation/protocol';
import { errors, jwtVerify, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

/** Tokens the gateway signs itself say so in `iss`, which is how they are told apart from an organisation's OIDC tokens. */
export const SIGN_IN_ISSUER = 'urn:mediation:gateway';
const AUDIENCE = 'urn:mediation:api';

export interface SessionClaims {
  userId: string;
  organisationId: string;
  roles: Role[];
}

/** What a verified token says, plus what signing out needs: its id and when it expires. */
export interface VerifiedSession extends SessionClaims {
  tokenId: string;
  expiresAt: Date;
}

/** Short-lived HS256 bearer tokens for people who signed in with a local password. */
@Injectable()
export class SignInTokens {
  private readonly key: Uint8Array;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: Pick<GatewayConfig, 'SESSION_SIGNING_KEY' | 'SESSION_TTL_SECONDS'>,
    private readonly clock: Clock,
  ) {
    this.key = new TextEncoder().encode(config.SESSION_SIGNING_KEY);
  }

  async sign(claims: SessionClaims): Promise<{ token: string; expiresAt: Date; expiresIn: number }> {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const expiresAt = new Date((issuedAt + this.config.SESSION_TTL_SECONDS) * 1000);
    const token = await new SignJWT({ org: claims.organisationId, roles: claims.roles })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(SIGN_IN_ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(claims.userId)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt, expiresIn: this.config.SESSION_TTL_SECONDS };
  }

  /** The claims of a token this gateway signed and that is still valid, or a 401 saying why not. */
  async verify(token: string): Promise<VerifiedSession> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: SIGN_IN_ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: this.clock.now(),
        requiredClaims: ['sub', 'exp', 'org', 'jti'],
      });
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((role): role is Role => (ROLES as readonly unknown[]).includes(role)) : [];
      if (typeof payload.org !== 'string' || !payload.sub || !payload.jti || !payload.exp) throw new Error('claims');
      return { userId: payload.sub, organisationId: payload.org, roles, tokenId: payload.jti, expiresAt: new Date(payload.exp * 1000) };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw ProblemError.unauthenticated('The sign-in token has expired; sign in again.');
      throw ProblemError.unauthenticated('The sign-in token is not valid.');
    }
  }
}
