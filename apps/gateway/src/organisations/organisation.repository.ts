import { Injectable } from '@nestjs/common';
import type { Organisation } from '../generated/prisma/client';
import { IdentityDatabase, type IdentityTx } from '../database/identity.database';

export type OrganisationRecord = Organisation;

@Injectable()
export class OrganisationRepository {
  constructor(private readonly db: IdentityDatabase) {}

  create(record: Omit<OrganisationRecord, 'createdAt'>, tx: IdentityTx = this.db): Promise<OrganisationRecord> {
    return tx.organisation.create({ data: record });
  }

  findBySlug(slug: string): Promise<OrganisationRecord | null> {
    return this.db.organisation.findUnique({ where: { slug } });
  }

  findById(id: string): Promise<OrganisationRecord | null> {
    return this.db.organisation.findUnique({ where: { id } });
  }
}
