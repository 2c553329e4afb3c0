import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { ApiKeyRepository, type ApiKeyRecord } from '../auth/api-key.repository';

/** A revoked key is refused from its next request on through this gateway; on other replicas and after a CLI revoke within API_KEY_CACHE_MS (2 s). */
@Injectable()
export class RevokeApiKeyUseCase {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(organisationId: string, id: string): Promise<ApiKeyRecord> {
    const key = await this.keys.revoke(organisationId, id, this.clock.now());
    if (!key) throw ProblemError.notFound('API key', id);
    return key;
  }
}
