import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@mediation/protocol';
import { WebhooksDatabase, type WebhooksTx } from '../database/webhooks.database';
import type { Endpoint, WebhookDelivery, WebhookDeliveryAttempt } from '../generated/prisma/client';

export type DeliveryKind = 'event' | 'replay' | 'redelivery' | 'test';
export type DeliveryRow = WebhookDelivery;
export type DeliveryWithAttempts = WebhookDelivery & { attempts: WebhookDeliveryAttempt[] };
export type DeliveryWithEndpoint = WebhookDelivery & { endpoint: Endpoint };

export interface NewDelivery {
  endpointId: string;
  messageId: string;
  eventType: string;
  kind: DeliveryKind;
  /** The JSON text sent, exactly. */
  body: string;
}

export interface AttemptRecord {
  at: Date;
  statusCode: number | null;
  durationMs: number;
  responseBody: string | null;
  error: string | null;
}

export interface AttemptOutcome {
  status: 'delivered' | 'failed' | 'pending';
  nextAttemptAt: Date | null;
}

/** The only code that reads and writes deliveries and their attempts. */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly db: WebhooksDatabase) {}

  /**
   * Live events, inside the consumer's transaction: one row per endpoint, once (a unique index on endpoint and
   * message for kind `event`), so an event the consumer sees twice is not sent twice. Answers the rows it added.
   */
  async addLive(tx: WebhooksTx, organisationId: string, deliveries: NewDelivery[], at: Date): Promise<{ id: string }[]> {
    if (deliveries.length === 0) return [];
    // One statement for every endpoint of the event (50 endpoints: one round trip, not 50).
    const ids = deliveries.map(() => uuidv7());
    return tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "webhooks"."delivery" ("id", "organisation_id", "endpoint_id", "message_id", "event_type", "kind", "body", "next_attempt_at")
      SELECT d.id, ${organisationId}::uuid, d.endpoint_id, d.message_id, d.event_type, 'event', d.body, ${at}
      FROM unnest(${ids}::uuid[], ${deliveries.map((d) => d.endpointId)}::uuid[], ${deliveries.map((d) => d.messageId)}::text[],
                  ${deliveries.map((d) => d.eventType)}::text[], ${deliveries.map((d) => d.body)}::text[])
        AS d(id, endpoint_id, message_id, event_type, body)
      ON CONFLICT ("endpoint_id", "message_id") WHERE "kind" = 'event' DO NOTHING
      RETURNING "id"::text AS id`;
  }

  /** Replays, redeliveries and pings: always new rows. */
  async add(organisationId: string, deliveries: NewDelivery[], at: Date): Promise<string[]> {
    if (deliveries.length === 0) return [];
    const rows = deliveries.map((d) => ({ id: uuidv7(), organisationId, ...d, nextAttemptAt: at }));
    await this.db.forTenant(organisationId, (tx) => tx.webhookDelivery.createMany({ data: rows }));
    return rows.map((r) => r.id);
  }

  /** Deliveries with their endpoints, by id, in one query (what DeliveryLoader batches into). */
  manyWithEndpoint(organisationId: string, ids: string[]): Promise<DeliveryWithEndpoint[]> {
    return this.db.forTenant(organisationId, (tx) => tx.webhookDelivery.findMany({ where: { organisationId, id: { in: ids } }, include: { endpoint: true } }));
  }

  find(organisationId: string, endpointId: string, id: string): Promise<DeliveryWithAttempts | null> {
    return this.db.forTenant(organisationId, (tx) =>
      tx.webhookDelivery.findFirst({ where: { organisationId, endpointId, id }, include: { attempts: { orderBy: { at: 'asc' } } } }),
    );
  }

  list(organisationId: string, endpointId: string, options: { limit: number; status?: string; kind?: string }): Promise<DeliveryWithAttempts[]> {
    return this.db.forTenant(organisationId, (tx) =>
      tx.webhookDelivery.findMany({
        where: { organisationId, endpointId, ...(options.status ? { status: options.status } : {}), ...(options.kind ? { kind: options.kind } : {}) },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: options.limit,
        include: { attempts: { orderBy: { at: 'asc' } } },
      }),
    );
  }

  /**
   * Many deliveries' attempts, one organisation's, in one transaction of two statements: the attempt rows, and where
   * each delivery stands after its attempt. What AttemptLog batches into.
   */
  async recordAttempts(organisationId: string, records: { id: string; attempt: AttemptRecord; outcome: AttemptOutcome }[]): Promise<void> {
    if (records.length === 0) return;
    const ids = records.map((r) => r.id);
    const ats = records.map((r) => r.attempt.at.toISOString());
    const text = (value: number | string | null) => (value === null ? null : String(value));
    await this.db.forTenant(organisationId, async (tx) => {
      await tx.$executeRaw`
        INSERT INTO "webhooks"."delivery_attempt" ("organisation_id", "delivery_id", "at", "status_code", "duration_ms", "response_body", "error")
        SELECT ${organisationId}::uuid, d.delivery_id, d.at, d.status_code::int, d.duration_ms::int, d.response_body, d.error
        FROM unnest(${ids}::uuid[], ${ats}::timestamptz[], ${records.map((r) => text(r.attempt.statusCode))}::text[],
                    ${records.map((r) => text(r.attempt.durationMs))}::text[], ${records.map((r) => r.attempt.responseBody)}::text[],
                    ${records.map((r) => r.attempt.error)}::text[])
          AS d(delivery_id, at, status_code, duration_ms, response_body, error)`;
      await tx.$executeRaw`
        UPDATE "webhooks"."delivery" AS t
        SET "attempt_count" = t."attempt_count" + 1, "status" = d.status, "next_attempt_at" = d.next_attempt_at,
            "delivered_at" = CASE WHEN d.status = 'delivered' THEN d.at ELSE t."delivered_at" END
        FROM unnest(${ids}::uuid[], ${records.map((r) => r.outcome.status)}::text[],
                    ${records.map((r) => r.outcome.nextAttemptAt?.toISOString() ?? null)}::timestamptz[], ${ats}::timestamptz[])
          AS d(id, status, next_attempt_at, at)
        WHERE t."organisation_id" = ${organisationId}::uuid AND t."id" = d.id`;
    });
  }

  /** Gives up a delivery without an attempt (its endpoint was disabled or deleted). */
  async giveUp(organisationId: string, id: string): Promise<void> {
    await this.db.forTenant(organisationId, (tx) =>
      tx.webhookDelivery.updateMany({ where: { organisationId, id, status: 'pending' }, data: { status: 'failed', nextAttemptAt: null } }),
    );
  }

  /** Pending deliveries whose attempt is overdue by more than `graceMs`: their job was lost. */
  overdue(organisationId: string, before: Date, limit: number): Promise<{ id: string }[]> {
    return this.db.forTenant(organisationId, (tx) =>
      tx.webhookDelivery.findMany({ where: { organisationId, status: 'pending', nextAttemptAt: { lt: before } }, select: { id: true }, take: limit }),
    );
  }
}
