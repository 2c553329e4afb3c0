import { Inject, Injectable } from '@nestjs/common';
import { uuidv7 } from '@mediation/protocol';
import { ALL_SCOPES, generateApiKey, type Scope } from '../auth/api-key';
import { ApiKeyRepository, type ApiKeyRecord } from '../auth/api-key.repository';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

/** Issues a key; the token is shown once and only its HMAC is kept. */
@Injectable()
export class IssueApiKeyUseCase {
  constructor(
    private readonly keys: ApiKeyRepository,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async execute(input: {
    organisationId: string;
    name: string;
    scopes?: Scope[];
    expiresAt?: Date;
  }): Promise<{ id: string; token: string; scopes: Scope[]; key: ApiKeyRecord }> {
    const { keyId, token, secretHash } = generateApiKey(this.config.API_KEY_PEPPER);
    const scopes = input.scopes ?? [...ALL_SCOPES];
    const key = await this.keys.create({
      id: uuidv7(),
      organisationId: input.organisationId,
      name: input.name,
      keyId,
      secretHash,
      scopes,
      expiresAt: input.expiresAt ?? null,
    });
    return { id: key.id, token, scopes, key };
  }
}
