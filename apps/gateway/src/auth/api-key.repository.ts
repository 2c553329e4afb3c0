import { Inject, Injectable, Optional } from '@nestjs/common';
import { inTenant } from '@mediation/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import type { ApiKey } from '../generated/prisma/client';
import { IdentityDatabase, type IdentityTx } from '../database/identity.database';
import { VerifiedKeyCache } from './verified-key-cache';

export type ApiKeyRecord = ApiKey;

@Injectable()
export class ApiKeyRepository {
  private readonly verified: VerifiedKeyCache<ApiKeyRecord>;

  constructor(
    private readonly db: IdentityDatabase,
    @Optional() @Inject(GATEWAY_CONFIG) config?: Pick<GatewayConfig, 'API_KEY_CACHE_MS'>,
  ) {
    this.verified = new VerifiedKeyCache(config?.API_KEY_CACHE_MS ?? 0);
  }

  /**
   * The key a caller presents, before its organisation is known: the lookup policy shows the row only
   * to whoever names both its id and the HMAC of its secret, that is, holds the whole key. A key found
   * is remembered for API_KEY_CACHE_MS (see VerifiedKeyCache), so a busy client costs no transaction per request.
   */
  async findPresented(keyId: string, secretHash: string): Promise<ApiKeyRecord | null> {
    const cached = this.verified.get(keyId, secretHash);
    if (cached) return cached;
    const key = await this.db.run((tx) => tx.apiKey.findUnique({ where: { keyId } }), {
      presented: { 'app.api_key_id': keyId, 'app.api_key_secret_hash': secretHash },
    });
    if (key) this.verified.set(keyId, secretHash, key);
    return key;
  }

  create(record: Omit<ApiKeyRecord, 'createdAt' | 'revokedAt'>, tx?: IdentityTx): Promise<ApiKeyRecord> {
    return inTenant(this.db, record.organisationId, tx, (t) => t.apiKey.create({ data: record }));
  }

  list(organisationId: string): Promise<ApiKeyRecord[]> {
    return this.db.forTenant(organisationId, (tx) => tx.apiKey.findMany({ where: { organisationId }, orderBy: { createdAt: 'desc' } }));
  }

  find(organisationId: string, id: string): Promise<ApiKeyRecord | null> {
    return this.db.forTenant(organisationId, (tx) => tx.apiKey.findFirst({ where: { organisationId, id } }));
  }

  /** Sets revokedAt once; revoking again keeps the first time. Forgotten here once committed, so a request racing the revoke cannot keep it cached. */
  async revoke(organisationId: string, id: string, at: Date): Promise<ApiKeyRecord | null> {
    const revoked = await this.db.forTenant(organisationId, async (tx) => {
      await tx.apiKey.updateMany({ where: { organisationId, id, revokedAt: null }, data: { revokedAt: at } });
      return tx.apiKey.findFirst({ where: { organisationId, id } });
    });
    this.verified.evict(id);
    return revoked;
  }
}
