import { Injectable } from '@nestjs/common';
import type { PartnerEvent } from '@mediation/protocol';
import { WebhooksDatabase, type WebhooksTx } from '../database/webhooks.database';

export interface StoredEvent {
  position: bigint;
  type: string;
  body: PartnerEvent;
}

/** The only code that reads and writes the stored public event log. */
@Injectable()
export class PublicEventRepository {
  constructor(private readonly db: WebhooksDatabase) {}

  /** Stores an event once; false when it was stored already (the consumer saw it twice). */
  async store(tx: WebhooksTx, event: PartnerEvent): Promise<boolean> {
    const rows = await tx.$queryRaw<{ position: bigint }[]>`
      INSERT INTO "webhooks"."public_event" ("id", "organisation_id", "type", "contract_id", "time", "body")
      VALUES (${event.id}::uuid, ${event.organisationid}::uuid, ${event.type}, ${event.contractid ?? null}::uuid, ${new Date(event.time)}, ${JSON.stringify(event)}::jsonb)
      ON CONFLICT ("organisation_id", "id") DO NOTHING
      RETURNING "position"`;
    return rows.length > 0;
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
  ): Promise<StoredEvent[]> {
    return this.db.forTenant(organisationId, async (tx) => {
      const start = 'time' in from ? { time: { gte: from.time, lt: to } } : { position: { gte: from.position }, time: { lt: to } };
      const rows = await tx.publicEvent.findMany({
        where: { organisationId, ...start, type: { in: [...types] }, ...(contractId ? { contractId } : {}) },
        orderBy: { position: 'asc' },
        take: 10_000,
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
