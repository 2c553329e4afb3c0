import { Injectable } from '@nestjs/common';
import type { ApiKey } from '../generated/prisma/client';
import { IdentityDatabase, type IdentityTx } from '../database/identity.database';

export type ApiKeyRecord = ApiKey;

@Injectable()
export class ApiKeyRepository {
  constructor(private readonly db: IdentityDatabase) {}

  findByKeyId(keyId: string): Promise<ApiKeyRecord | null> {
    return this.db.apiKey.findUnique({ where: { keyId } });
  }

  create(record: Omit<ApiKeyRecord, 'createdAt' | 'revokedAt'>, tx: IdentityTx = this.db): Promise<ApiKeyRecord> {
    return tx.apiKey.create({ data: record });
  }

  list(organisationId: string): Promise<ApiKeyRecord[]> {
    return this.db.apiKey.findMany({ where: { organisationId }, orderBy: { createdAt: 'desc' } });
  }

  find(organisationId: string, id: string): Promise<ApiKeyRecord | null> {
    return this.db.apiKey.findFirst({ where: { organisationId, id } });
  }

  /** Sets revokedAt once; revoking again keeps the first time. */
  async revoke(organisationId: string, id: string, at: Date): Promise<ApiKeyRecord | null> {
    await this.db.apiKey.updateMany({ where: { organisationId, id, revokedAt: null }, data: { revokedAt: at } });
    return this.find(organisationId, id);
  }
}
