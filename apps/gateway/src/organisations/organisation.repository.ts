import { Injectable } from '@nestjs/common';
import type { Organisation } from '../generated/prisma/client';
import { IdentityDatabase, type IdentityTx } from '../database/identity.database';

export type OrganisationRecord = Organisation;

@Injectable()
export class OrganisationRepository {
  constructor(private readonly db: IdentityDatabase) {}

  create(record: Pick<OrganisationRecord, 'id' | 'name' | 'slug'>, tx: IdentityTx = this.db): Promise<OrganisationRecord> {
    return tx.organisation.create({ data: record });
  }

  findBySlug(slug: string): Promise<OrganisationRecord | null> {
    return this.db.organisation.findUnique({ where: { slug } });
  }

  findById(id: string): Promise<OrganisationRecord | null> {
    return this.db.organisation.findUnique({ where: { id } });
  }

  /** Changes the name or address under a new profile version; null when there is no such organisation. */
  async changeProfile(tx: IdentityTx, id: string, changes: { name?: string; address?: string[] }): Promise<OrganisationRecord | null> {
    const { count } = await tx.organisation.updateMany({ where: { id }, data: { ...changes, profileVersion: { increment: 1 } } });
    return count === 1 ? tx.organisation.findUnique({ where: { id } }) : null;
  }

  markProfilePublished(tx: IdentityTx, id: string, at: Date): Promise<unknown> {
    return tx.organisation.update({ where: { id }, data: { profilePublishedAt: at } });
  }

  /** Organisations whose profile was never published (made before the event existed), locked so two gateways booting together publish each once. */
  async lockUnpublishedProfiles(tx: IdentityTx, limit: number): Promise<OrganisationRecord[]> {
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM identity.organisation WHERE profile_published_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      limit,
    );
    return rows.length ? tx.organisation.findMany({ where: { id: { in: rows.map((r) => r.id) } }, orderBy: { createdAt: 'asc' } }) : [];
  }
}
