import { WebhookDeliveryViewSchema, type WebhookDeliveryView } from '@mediation/protocol';
import type { DeliveryWithAttempts } from './delivery.repository';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function deliveryView(row: DeliveryWithAttempts): WebhookDeliveryView {
  return WebhookDeliveryViewSchema.parse({
    id: row.id,
    webhookId: row.endpointId,
    messageId: row.messageId,
    eventType: row.eventType,
    kind: row.kind,
    status: row.status,
    attemptCount: row.attemptCount,
    nextAttemptAt: row.status === 'pending' ? iso(row.nextAttemptAt) : null,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: iso(row.deliveredAt),
    attempts: row.attempts.map((a) => ({
      at: a.at.toISOString(),
      statusCode: a.statusCode,
      durationMs: a.durationMs,
      responseBody: a.responseBody,
      error: a.error,
    })),
  });
}
