import { Injectable } from '@nestjs/common';
import { inTenant } from '@mediation/platform';
import type { ApiKey } from '../generated/prisma/client';
import { IdentityDatabase, type IdentityTx } from '../database/identity.database';

export type ApiKeyRecord = ApiKey;

@Injectable()
export class ApiKeyRepository {
  constructor(private readonly db: IdentityDatabase) {}

  /**
   * The key a caller presents, before its organisation is known: the lookup policy shows the row only
   * to whoever names both its id and the HMAC of its secret, that is, holds the whole key.
   */
  findPresented(keyId: string, secretHash: string): Promise<ApiKeyRecord | null> {
    return this.db.run((tx) => tx.apiKey.findUnique({ where: { keyId } }), { presented: { 'app.api_key_id': keyId, 'app.api_key_secret_hash': secretHash } });
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

  /** Sets revokedAt once; revoking again keeps the first time. */
  revoke(organisationId: string, id: string, at: Date): Promise<ApiKeyRecord | null> {
    return this.db.forTenant(organisationId, async (tx) => {
      await tx.apiKey.updateMany({ where: { organisationId, id, revokedAt: null }, data: { revokedAt: at } });
      return tx.apiKey.findFirst({ where: { organisationId, id } });
    });
  }
}
