import { Injectable } from '@nestjs/common';
import type { AuditEntry, Prisma } from '../generated/prisma/client';
import { IdentityDatabase, type IdentityTx } from '../database/identity.database';
import { GENESIS_HASH, type AuditFields, type ChainedEntry } from './audit-chain';

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
   * Appends one entry as a single statement: PostgreSQL locks the organisation's chain head, links the
   * entry onto it (the same hash as chainHash) and moves the head, so the lock is held for the length of
   * one statement, not for round trips to this process, and concurrent writers cannot fork the chain.
   */
  async append(fields: Omit<AuditFields, 'sequence'>, hashOfContent: string): Promise<ChainedEntry> {
    const linked = await this.db.forTenant(fields.organisationId, (tx) => this.link(tx, fields, hashOfContent));
    return { ...fields, sequence: Number(linked.sequence), prevHash: linked.prev_hash, hash: linked.hash };
  }

  private async link(
    tx: IdentityTx,
    fields: Omit<AuditFields, 'sequence'>,
    hashOfContent: string,
  ): Promise<{ sequence: bigint; prev_hash: string; hash: string }> {
    // The head exists after an organisation's first entry: one statement then; the first creates it and links again.
    const linked = await this.linkOntoHead(tx, fields, hashOfContent);
    if (linked) return linked;
    await tx.$executeRawUnsafe(
      `INSERT INTO "identity"."audit_chain_head" (organisation_id, last_sequence, last_hash, updated_at) VALUES ($1::uuid, 0, $2, now()) ON CONFLICT (organisation_id) DO NOTHING`,
      fields.organisationId,
      GENESIS_HASH,
    );
    return (await this.linkOntoHead(tx, fields, hashOfContent))!;
  }

  private async linkOntoHead(
    tx: IdentityTx,
    fields: Omit<AuditFields, 'sequence'>,
    hashOfContent: string,
  ): Promise<{ sequence: bigint; prev_hash: string; hash: string } | undefined> {
    const [linked] = await tx.$queryRawUnsafe<{ sequence: bigint; prev_hash: string; hash: string }[]>(
      `WITH old AS (
         SELECT last_sequence, last_hash FROM "identity"."audit_chain_head" WHERE organisation_id = $1::uuid FOR UPDATE
       ), moved AS (
         UPDATE "identity"."audit_chain_head" h
            SET last_sequence = old.last_sequence + 1,
                last_hash = encode(sha256(convert_to(old.last_hash || (old.last_sequence + 1)::text || ':' || $2, 'UTF8')), 'hex'),
                updated_at = now()
           FROM old
          WHERE h.organisation_id = $1::uuid
         RETURNING h.last_sequence AS sequence, old.last_hash AS prev_hash, h.last_hash AS hash
       )
       INSERT INTO "identity"."audit_entry" (id, organisation_id, sequence, occurred_at, actor_id, actor_type, actor_roles, action, resource_type, resource_id, outcome, client_ip, user_agent, correlation_id, access_reason, data_categories, prev_hash, hash)
       SELECT $3::uuid, $1::uuid, moved.sequence, $4, $5, $6, $7::text[], $8, $9, $10, $11, $12, $13, $14, $15, $16::text[], moved.prev_hash, moved.hash FROM moved
       RETURNING sequence, prev_hash, hash`,
      fields.organisationId,
      hashOfContent,
      fields.id,
      fields.occurredAt,
      fields.actorId,
      fields.actorType,
      [...fields.actorRoles],
      fields.action,
      fields.resourceType,
      fields.resourceId,
      fields.outcome,
      fields.clientIp,
      fields.userAgent,
      fields.correlationId,
      fields.accessReason,
      [...fields.dataCategories],
    );
    return linked;
  }

  /**
   * Every organisation with a chain, or with entries (even if its head is gone). The trail sits behind
   * the tenant wall, so each organisation (identity.organisation is the tenant list) is asked in turn.
   */
  async organisationsWithEntries(): Promise<string[]> {
    const organisations = await this.db.organisation.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    const found: string[] = [];
    for (const { id: organisationId } of organisations) {
      const [row] = await this.db.forTenant(
        organisationId,
        (tx) =>
          tx.$queryRaw<{ has: boolean }[]>`
            SELECT EXISTS (SELECT 1 FROM "identity"."audit_chain_head" WHERE organisation_id = ${organisationId}::uuid)
                OR EXISTS (SELECT 1 FROM "identity"."audit_entry" WHERE organisation_id = ${organisationId}::uuid) AS has`,
      );
      if (row.has) found.push(organisationId);
    }
    return found;
  }

  async head(organisationId: string): Promise<ChainHead | null> {
    const head = await this.db.forTenant(organisationId, (tx) => tx.auditChainHead.findUnique({ where: { organisationId } }));
    return head ? { lastSequence: Number(head.lastSequence), lastHash: head.lastHash } : null;
  }

  /** The organisation's entries in chain order, a page at a time. */
  async chainPage(organisationId: string, afterSequence: number, size: number): Promise<ChainedEntry[]> {
    const rows = await this.db.forTenant(organisationId, (tx) =>
      tx.auditEntry.findMany({ where: { organisationId, sequence: { gt: BigInt(afterSequence) } }, orderBy: { sequence: 'asc' }, take: size }),
    );
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
    const rows = await this.db.forTenant(filter.organisationId, (tx) =>
      tx.auditEntry.findMany({ where, orderBy: { sequence: 'desc' }, take: filter.limit + 1 }),
    );
    return rows.map(toEntry);
  }
}

function toEntry(row: AuditEntry): ChainedEntry {
  return { ...row, sequence: Number(row.sequence), actorRoles: row.actorRoles ?? [], dataCategories: row.dataCategories ?? [] };
}
