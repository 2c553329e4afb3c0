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
}
