import { Injectable } from '@nestjs/common';
import { leanSql } from '@mediation/platform';
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
   * Appends entries of one organisation, in order, as a single statement: PostgreSQL locks the chain head,
   * links each entry onto the one before (the same hash as chainHash), inserts them and moves the head, so
   * the lock is held for one statement and its commit, and concurrent writers cannot fork the chain. The
   * audit writer hands it every entry that queued while the last append ran (group commit).
   */
  async appendMany(organisationId: string, entries: { fields: Omit<AuditFields, 'sequence'>; hashOfContent: string }[]): Promise<ChainedEntry[]> {
    const rows = entries.map(({ fields, hashOfContent }, i) => ({
      n: i + 1,
      id: fields.id,
      content_hash: hashOfContent,
      occurred_at: fields.occurredAt.toISOString(),
      actor_id: fields.actorId,
      actor_type: fields.actorType,
      actor_roles: [...fields.actorRoles],
      action: fields.action,
      resource_type: fields.resourceType,
      resource_id: fields.resourceId,
      outcome: fields.outcome,
      client_ip: fields.clientIp,
      user_agent: fields.userAgent,
      correlation_id: fields.correlationId,
      access_reason: fields.accessReason,
      data_categories: [...fields.dataCategories],
    }));
    const linked = await this.db.forTenant(organisationId, async (tx) => {
      // The head exists after an organisation's first entry: one statement then; the first creates it and links again.
      const first = await this.linkOntoHead(tx, organisationId, rows);
      if (first.length > 0) return first;
      await leanSql(tx).count(
        `INSERT INTO "identity"."audit_chain_head" (organisation_id, last_sequence, last_hash, updated_at) VALUES ($1::uuid, 0, $2, now()) ON CONFLICT (organisation_id) DO NOTHING`,
        organisationId,
        GENESIS_HASH,
      );
      return this.linkOntoHead(tx, organisationId, rows);
    });
    const byId = new Map(linked.map((row) => [row.id, row]));
    return entries.map(({ fields }) => {
      const row = byId.get(fields.id)!;
      return { ...fields, sequence: Number(row.sequence), prevHash: row.prev_hash, hash: row.hash };
    });
  }

  /** The sequence (int8) as text, which pg would answer as a string where Prisma gave a BigInt; appendMany makes it a number either way. */
  private linkOntoHead(tx: IdentityTx, organisationId: string, rows: object[]): Promise<{ id: string; sequence: string; prev_hash: string; hash: string }[]> {
    return leanSql(tx).rows(
      `WITH RECURSIVE old AS (
         SELECT last_sequence, last_hash FROM "identity"."audit_chain_head" WHERE organisation_id = $1::uuid FOR UPDATE
       ), entry AS (
         SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(
           n int, id uuid, content_hash text, occurred_at timestamptz, actor_id text, actor_type text, actor_roles text[], action text,
           resource_type text, resource_id text, outcome int, client_ip text, user_agent text, correlation_id text, access_reason text,
           data_categories text[])
       ), chain AS (
         SELECT e.n, old.last_sequence + 1 AS sequence, old.last_hash AS prev_hash,
                encode(sha256(convert_to(old.last_hash || (old.last_sequence + 1)::text || ':' || e.content_hash, 'UTF8')), 'hex') AS hash
           FROM old JOIN entry e ON e.n = 1
         UNION ALL
         SELECT e.n, c.sequence + 1, c.hash, encode(sha256(convert_to(c.hash || (c.sequence + 1)::text || ':' || e.content_hash, 'UTF8')), 'hex')
           FROM chain c JOIN entry e ON e.n = c.n + 1
       ), moved AS (
         UPDATE "identity"."audit_chain_head" h
            SET last_sequence = last.sequence, last_hash = last.hash, updated_at = now()
           FROM (SELECT sequence, hash FROM chain ORDER BY n DESC LIMIT 1) last
          WHERE h.organisation_id = $1::uuid
         RETURNING h.organisation_id
       )
       INSERT INTO "identity"."audit_entry" (id, organisation_id, sequence, occurred_at, actor_id, actor_type, actor_roles, action, resource_type, resource_id, outcome, client_ip, user_agent, correlation_id, access_reason, data_categories, prev_hash, hash)
       SELECT e.id, $1::uuid, c.sequence, e.occurred_at, e.actor_id, e.actor_type, e.actor_roles, e.action, e.resource_type, e.resource_id, e.outcome,
              e.client_ip, e.user_agent, e.correlation_id, e.access_reason, e.data_categories, c.prev_hash, c.hash
         FROM entry e JOIN chain c ON c.n = e.n
        WHERE EXISTS (SELECT 1 FROM moved)
       RETURNING id::text, sequence::text, prev_hash, hash`,
      organisationId,
      JSON.stringify(rows),
    );
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
