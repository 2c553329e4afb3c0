import { Inject, Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { parseApiKey, secretMatches } from './api-key';
import { ApiKeyRepository } from './api-key.repository';
import type { Principal } from './principal';

/** Turns an Authorization header into a principal, or a 401 that says what is wrong. */
@Injectable()
export class AuthenticateUseCase {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly clock: Clock,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async execute(authorization: string | undefined): Promise<Principal> {
    if (!authorization) throw ProblemError.unauthenticated('Send an API key as `Authorization: Bearer <key>`.');
    const [scheme, token] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw ProblemError.unauthenticated('The Authorization header must be `Bearer <key>`.');
    const parsed = parseApiKey(token.trim());
    const unknown = ProblemError.unauthenticated('The API key is not valid.');
    if (!parsed) throw unknown;
    const key = await this.keys.findByKeyId(parsed.keyId);
    if (!key || !secretMatches(this.config.API_KEY_PEPPER, parsed.secret, key.secretHash)) throw unknown;
    if (key.revokedAt) throw ProblemError.unauthenticated('The API key has been revoked.');
    if (key.expiresAt && key.expiresAt <= this.clock.now()) throw ProblemError.unauthenticated('The API key has expired.');
    return { organisationId: key.organisationId, actorId: `api-key:${key.id}`, actorType: 'api-key', roles: [], scopes: key.scopes };
  }
}
