import { Injectable } from '@nestjs/common';
import type { AuditEntry, Prisma } from '../generated/prisma/client';
import { IdentityDatabase } from '../database/identity.database';
import type { ChainedEntry } from './audit-chain';

export interface ChainHead {
  lastSequence: number;
  lastHash: string;
}

export interface AuditFilter {
  organisationId: string;
  actorId?: string;
  action?: string;
  resourceType?: string;
  resourceId?: string;
  from?: Date;
  to?: Date;
  /** Only entries before this sequence (the previous page's last). */
  beforeSequence?: number;
  limit: number;
}

@Injectable()
export class AuditEntryRepository {
  constructor(private readonly db: IdentityDatabase) {}

  /**
   * Appends one entry in a transaction that holds the organisation's chain head (created on first use)
   * with a row lock, so concurrent writers take turns and the chain never forks.
   */
  append(organisationId: string, next: (head: ChainHead) => ChainedEntry): Promise<ChainedEntry> {
    return this.db.run(async (tx) => {
      const [head] = await tx.$queryRaw<{ last_sequence: bigint; last_hash: string }[]>`
        INSERT INTO "identity"."audit_chain_head" (organisation_id, last_sequence, last_hash, updated_at)
        VALUES (${organisationId}::uuid, 0, ${'0'.repeat(64)}, now())
        ON CONFLICT (organisation_id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id
        RETURNING last_sequence, last_hash`;
      const entry = next({ lastSequence: Number(head.last_sequence), lastHash: head.last_hash });
      await tx.auditEntry.create({ data: { ...entry, sequence: BigInt(entry.sequence), actorRoles: [...entry.actorRoles], dataCategories: [...entry.dataCategories] } });
      await tx.auditChainHead.update({ where: { organisationId }, data: { lastSequence: BigInt(entry.sequence), lastHash: entry.hash, updatedAt: entry.occurredAt } });
      return entry;
    });
  }

  /** Every organisation with a chain, or with entries (even if its head is gone). */
  async organisationsWithEntries(): Promise<string[]> {
    const rows = await this.db.$queryRaw<{ organisation_id: string }[]>`
      SELECT organisation_id::text FROM "identity"."audit_chain_head"
      UNION SELECT DISTINCT organisation_id::text FROM "identity"."audit_entry"
      ORDER BY 1`;
    return rows.map((r) => r.organisation_id);
  }

  async head(organisationId: string): Promise<ChainHead | null> {
    const head = await this.db.auditChainHead.findUnique({ where: { organisationId } });
    return head ? { lastSequence: Number(head.lastSequence), lastHash: head.lastHash } : null;
  }

  /** The organisation's entries in chain order, a page at a time. */
  async chainPage(organisationId: string, afterSequence: number, size: number): Promise<ChainedEntry[]> {
    const rows = await this.db.auditEntry.findMany({ where: { organisationId, sequence: { gt: BigInt(afterSequence) } }, orderBy: { sequence: 'asc' }, take: size });
    return rows.map(toEntry);
  }

  /** Newest first; one more than the limit, so the caller knows whether another page follows. */
  async find(filter: AuditFilter): Promise<ChainedEntry[]> {
    const where: Prisma.AuditEntryWhereInput = {
      organisationId: filter.organisationId,
      actorId: filter.actorId,
      action: filter.action,
      resourceType: filter.resourceType,
      resourceId: filter.resourceId,
      ...(filter.from || filter.to ? { occurredAt: { gte: filter.from, lt: filter.to } } : {}),
      ...(filter.beforeSequence ? { sequence: { lt: BigInt(filter.beforeSequence) } } : {}),
    };
    const rows = await this.db.auditEntry.findMany({ where, orderBy: { sequence: 'desc' }, take: filter.limit + 1 });
    return rows.map(toEntry);
  }
}

function toEntry(row: AuditEntry): ChainedEntry {
  return { ...row, sequence: Number(row.sequence), actorRoles: row.actorRoles ?? [], dataCategories: row.dataCategories ?? [] };
}
