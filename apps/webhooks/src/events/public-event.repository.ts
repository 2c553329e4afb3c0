import { Injectable } from '@nestjs/common';
import { leanSql, WrittenBeforeCommit } from '@mediation/platform';
import type { PartnerEvent } from '@mediation/protocol';
import { WebhooksDatabase, type WebhooksTx } from '../database/webhooks.database';

export interface StoredEvent {
  position: bigint;
  type: string;
  body: PartnerEvent;
}

/** Events a replay reads and queues at a time; it goes on page by page until the range is done. */
export const REPLAY_PAGE = 10_000;

/** The only code that reads and writes the stored public event log. */
@Injectable()
export class PublicEventRepository {
  /** Events a transaction stored that are not written yet, by transaction client. */
  private readonly queued = new WrittenBeforeCommit<PartnerEvent>((tx, events) => this.insert(tx as WebhooksTx, events));

  constructor(private readonly db: WebhooksDatabase) {}

  /**
   * Stores events once each (a copy already stored is left as it is). In a transaction opened by
   * `forTenant`/`run`, as a consumed batch's is, every event the transaction stores is written just before
   * it commits, in one statement and in the order stored; in any other, at once.
   */
  async store(tx: WebhooksTx, event: PartnerEvent): Promise<void> {
    if (!this.queued.add(tx, [event])) await this.insert(tx, [event]);
  }

  private async insert(tx: WebhooksTx, events: PartnerEvent[]): Promise<void> {
    await leanSql(tx).count(
      `INSERT INTO "webhooks"."public_event" ("id", "organisation_id", "type", "contract_id", "time", "body")
       SELECT e.id, e.organisation_id, e.type, e.contract_id, e.time, e.body
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::timestamptz[], $6::jsonb[]) WITH ORDINALITY AS e(id, organisation_id, type, contract_id, time, body, n)
        ORDER BY e.n
       ON CONFLICT ("organisation_id", "id") DO NOTHING`,
      events.map((e) => e.id),
      events.map((e) => e.organisationid),
      events.map((e) => e.type),
      events.map((e) => e.contractid ?? null),
      events.map((e) => e.time),
      events.map((e) => JSON.stringify(e)),
    );
  }

  /** A page of the organisation's events after a position, oldest first, of the given types (exact) when any. */
  async after(organisationId: string, position: bigint, types: readonly string[] | undefined, limit: number): Promise<StoredEvent[]> {
    return this.db.forTenant(organisationId, async (tx) => {
      const rows = await tx.publicEvent.findMany({
        where: { organisationId, position: { gt: position }, ...(types ? { type: { in: [...types] } } : {}) },
        orderBy: { position: 'asc' },
        take: limit,
        select: { position: true, type: true, body: true },
      });
      return rows.map((r) => ({ position: r.position, type: r.type, body: r.body as unknown as PartnerEvent }));
    });
  }

  /** The position an event was stored at, or undefined for an id the organisation has no event with. */
  async positionOf(organisationId: string, eventId: string): Promise<bigint | undefined> {
    return this.db.forTenant(
      organisationId,
      async (tx) => (await tx.publicEvent.findFirst({ where: { organisationId, id: eventId }, select: { position: true } }))?.position,
    );
  }

  /** The organisation's events from a time (or a stored position) and before `to`, in the order they were stored, for a replay. */
  async since(
    organisationId: string,
    from: { time: Date } | { position: bigint },
    to: Date,
    types: readonly string[],
    contractId: string | null,
    page: { after?: bigint; limit: number } = { limit: REPLAY_PAGE },
  ): Promise<StoredEvent[]> {
    return this.db.forTenant(organisationId, async (tx) => {
      const after = page.after === undefined ? {} : { gt: page.after };
      const start = 'time' in from ? { time: { gte: from.time, lt: to }, position: after } : { position: { gte: from.position, ...after }, time: { lt: to } };
      const rows = await tx.publicEvent.findMany({
        where: { organisationId, ...start, type: { in: [...types] }, ...(contractId ? { contractId } : {}) },
        orderBy: { position: 'asc' },
        take: page.limit,
        select: { position: true, type: true, body: true },
      });
      return rows.map((r) => ({ position: r.position, type: r.type, body: r.body as unknown as PartnerEvent }));
    });
  }

  /** The highest position stored for the organisation (0 when none): where a long poll with no cursor starts. */
  async latest(organisationId: string): Promise<bigint> {
    return this.db.forTenant(
      organisationId,
      async (tx) => (await tx.publicEvent.aggregate({ where: { organisationId }, _max: { position: true } }))._max.position ?? 0n,
    );
  }

  /** Deletes up to `limit` of the organisation's events that happened before `cutoff`, oldest first; answers how many. */
  async purgeBefore(organisationId: string, cutoff: Date, limit: number): Promise<number> {
    return this.db.forTenant(
      organisationId,
      (tx) =>
        tx.$executeRaw`
        DELETE FROM "webhooks"."public_event" WHERE "position" IN (
          SELECT "position" FROM "webhooks"."public_event"
          WHERE "organisation_id" = ${organisationId}::uuid AND "time" < ${cutoff}
          ORDER BY "time" LIMIT ${limit})`,
    );
  }
}
