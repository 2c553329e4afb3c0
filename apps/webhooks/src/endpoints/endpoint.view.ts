import { WebhookViewSchema, type WebhookView } from '@mediation/protocol';
import type { EndpointRow } from './endpoint.repository';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A row as the API shows it: never its secrets. */
export function endpointView(row: EndpointRow): WebhookView {
  return WebhookViewSchema.parse({
    id: row.id,
    url: row.url,
    eventTypes: row.eventTypes,
    contractId: row.contractId,
    description: row.description,
    status: row.status,
    disabledReason: row.disabledReason,
    disabledAt: iso(row.disabledAt),
    failingSince: iso(row.failingSince),
    previousSecretExpiresAt: row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date() ? row.previousSecretExpiresAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  });
}
