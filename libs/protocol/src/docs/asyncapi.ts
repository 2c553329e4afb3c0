import { EVENT_CATALOG } from '../events/catalog';
import { EventEnvelopeSchema } from '../events/envelope.schema';
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
        'CloudEvents 1.0 JSON on JetStream stream EVENTS. Tolerate fields you do not know; new versions are added beside old ones. Each message says `x-visibility` (and a tag): `public` events carry ids, types, times, codes and counts and may be sent to partners; `internal` ones carry names, addresses or free text and stay on the platform.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}
