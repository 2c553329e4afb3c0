import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@mediation/protocol';
import { WebhooksDatabase, type WebhooksTx } from '../database/webhooks.database';
import type { Endpoint, WebhookDelivery, WebhookDeliveryAttempt } from '../generated/prisma/client';

export type DeliveryKind = 'event' | 'replay' | 'redelivery' | 'test';
export type DeliveryRow = WebhookDelivery;
export type DeliveryWithAttempts = WebhookDelivery & { attempts: WebhookDeliveryAttempt[] };

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

/** The only code that reads and writes deliveries and their attempts. */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly db: WebhooksDatabase) {}

  /**
   * Live events, inside the consumer's transaction: one row per endpoint, once (a unique index on endpoint and
   * message for kind `event`), so an event the consumer sees twice is not sent twice. Answers the rows it added.
   */
  async addLive(tx: WebhooksTx, organisationId: string, deliveries: NewDelivery[], at: Date): Promise<{ id: string }[]> {
    const added: { id: string }[] = [];
    for (const delivery of deliveries) {
      const id = uuidv7();
      const rows = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "webhooks"."delivery" ("id", "organisation_id", "endpoint_id", "message_id", "event_type", "kind", "body", "next_attempt_at")
        VALUES (${id}::uuid, ${organisationId}::uuid, ${delivery.endpointId}::uuid, ${delivery.messageId}, ${delivery.eventType}, 'event', ${delivery.body}, ${at})
        ON CONFLICT ("endpoint_id", "message_id") WHERE "kind" = 'event' DO NOTHING
        RETURNING "id"::text AS id`;
      added.push(...rows);
    }
    return added;
  }

  /** Replays, redeliveries and pings: always new rows. */
  async add(organisationId: string, deliveries: NewDelivery[], at: Date): Promise<string[]> {
    if (deliveries.length === 0) return [];
    const rows = deliveries.map((d) => ({ id: uuidv7(), organisationId, ...d, nextAttemptAt: at }));
    await this.db.forTenant(organisationId, (tx) => tx.webhookDelivery.createMany({ data: rows }));
    return rows.map((r) => r.id);
  }

  /** A delivery with its endpoint, for sending it. */
  withEndpoint(organisationId: string, id: string): Promise<(DeliveryRow & { endpoint: Endpoint }) | null> {
    return this.db.forTenant(organisationId, (tx) => tx.webhookDelivery.findFirst({ where: { organisationId, id }, include: { endpoint: true } }));
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

  /** Records one attempt and where the delivery stands after it, in one transaction. */
  async recordAttempt(
    organisationId: string,
    id: string,
    attempt: AttemptRecord,
    outcome: { status: 'delivered' | 'failed' | 'pending'; nextAttemptAt: Date | null },
  ): Promise<void> {
    await this.db.forTenant(organisationId, async (tx) => {
      await tx.webhookDeliveryAttempt.create({ data: { organisationId, deliveryId: id, ...attempt } });
      await tx.webhookDelivery.updateMany({
        where: { organisationId, id },
        data: {
          attemptCount: { increment: 1 },
          status: outcome.status,
          nextAttemptAt: outcome.nextAttemptAt,
          ...(outcome.status === 'delivered' ? { deliveredAt: attempt.at } : {}),
        },
      });
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
