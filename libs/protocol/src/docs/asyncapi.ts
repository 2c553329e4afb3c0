import { EVENT_CATALOG } from '../events/catalog';
import { EventEnvelopeSchema } from '../events/envelope.schema';
import { PARTNER_EVENT_TYPES, PARTNER_PROJECTIONS, PartnerEventSchema } from '../events/partner-events';
import { toJsonSchema } from './json-schema';

/** The event catalogue for integration partners, generated from the same schemas that validate. */
export function buildAsyncApiDocument(version: string): Record<string, unknown> {
  const envelope = toJsonSchema(EventEnvelopeSchema, 'output', 'draft-7');
  const channels: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const event of EVENT_CATALOG) {
    const id = event.type.replace(/\./g, '_');
    messages[id] = {
      name: event.type,
      title: event.type,
      summary: event.description,
      // Only public events may leave the platform (partners' webhooks); internal ones carry names, addresses or free text.
      'x-visibility': event.visibility,
      tags: [{ name: event.visibility }],
      // Whether partners may subscribe to it (webhooks, the pull feed); an internal event with a projection is sent as that projection only.
      'x-partner': PARTNER_EVENT_TYPES.includes(event.type),
      ...(PARTNER_PROJECTIONS[event.type] ? { 'x-partner-data': toJsonSchema(PARTNER_PROJECTIONS[event.type], 'output', 'draft-7') } : {}),
      contentType: 'application/json',
      payload: { allOf: [envelope, { type: 'object', properties: { type: { const: event.type }, data: toJsonSchema(event.schema, 'output', 'draft-7') } }] },
    };
    channels[id] = {
      address: `events.{organisationId}.${event.type}`,
      parameters: { organisationId: { description: 'The provider organisation (tenant).' } },
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
    };
    operations[`receive_${id}`] = { action: 'receive', channel: { $ref: `#/channels/${id}` }, summary: event.description };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Mediation platform events',
      version,
      description:
        'CloudEvents 1.0 JSON on JetStream stream EVENTS. Tolerate fields you do not know; new versions are added beside old ones. Each message says `x-visibility` (and a tag): `public` events carry ids, types, times, codes and counts and may be sent to partners; `internal` ones carry names, addresses or free text and stay on the platform. Partners receive public events (and the projection `x-partner-data` of a few internal ones) over Standard Webhooks (`POST /v1/webhooks`; headers in `x-webhook-headers`) or the pull feed `GET /v1/events`, as `x-partner-event`: CloudEvents 1.0 JSON without the platform’s tracing attributes.',
    },
    defaultContentType: 'application/json',
    // What partners receive: these types, as `x-partner-event` (for an internal event, its `x-partner-data` in place of its data).
    'x-partner-types': PARTNER_EVENT_TYPES,
    'x-partner-event': toJsonSchema(PartnerEventSchema, 'output', 'draft-7'),
    'x-webhook-headers': {
      'webhook-id': 'The event id (the same on every retry, replay and redelivery): use it to drop duplicates.',
      'webhook-timestamp': 'Seconds since the epoch when this attempt was signed; refuse one far from now.',
      'webhook-signature':
        'Space-separated `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">` with the base64-decoded part of your `whsec_` secret; two during a secret rotation.',
    },
    channels,
    operations,
    components: { messages },
  };
}
