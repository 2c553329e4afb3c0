import { z } from 'zod';
import { EVENT_CATALOG } from './catalog';
import type { EventDefinition } from './define-event';
import { EventEnvelopeSchema, type EventEnvelope } from './envelope.schema';
import { ReferralReceivedPartnerDataV2, ReferralReceivedV2 } from './intake.events';

/**
 * Internal events partners still need, each with the projection they get instead (declared beside the
 * event). Everything else a partner receives is a `public` event as it is.
 */
export const PARTNER_PROJECTIONS: Readonly<Record<string, z.ZodObject>> = {
  [ReferralReceivedV2.type]: ReferralReceivedPartnerDataV2,
};

/** The schema of `data` a partner receives for an event type, or undefined when the type never leaves the platform. */
export function partnerDataSchema(type: string): z.ZodType | undefined {
  const projection = PARTNER_PROJECTIONS[type];
  if (projection) return projection;
  const definition: EventDefinition | undefined = EVENT_CATALOG.find((event) => event.type === type);
  return definition?.visibility === 'public' ? definition.schema : undefined;
}

/** Every type a partner can subscribe to, sorted. */
export const PARTNER_EVENT_TYPES: readonly string[] = EVENT_CATALOG.map((event) => event.type)
  .filter((type) => partnerDataSchema(type) !== undefined)
  .sort();

/**
 * The CloudEvents 1.0 JSON a partner receives (webhook body, pull feed item): ids, type, times, contract
 * and data. The platform's tracing attributes (correlation, causation, traceparent) stay inside.
 */
export const PartnerEventSchema = EventEnvelopeSchema.pick({
  specversion: true,
  id: true,
  source: true,
  type: true,
  subject: true,
  time: true,
  datacontenttype: true,
  organisationid: true,
  contractid: true,
  sequence: true,
})
  .extend({ data: z.record(z.string(), z.unknown()).describe('The event payload: the public event’s data, or the partner projection of an internal one.') })
  .describe('An event as a partner receives it (CloudEvents 1.0 JSON).');
export type PartnerEvent = z.infer<typeof PartnerEventSchema>;

/**
 * The partner's copy of an event, or undefined when it must not leave the platform. `data` is parsed by
 * the partner schema, so a field an internal event carries beyond the projection is dropped, never sent.
 */
export function toPartnerEvent(envelope: EventEnvelope): PartnerEvent | undefined {
  const schema = partnerDataSchema(envelope.type);
  if (!schema) return undefined;
  const event: PartnerEvent = {
    specversion: envelope.specversion,
    id: envelope.id,
    source: envelope.source,
    type: envelope.type,
    subject: envelope.subject,
    time: envelope.time,
    datacontenttype: envelope.datacontenttype,
    organisationid: envelope.organisationid,
    sequence: envelope.sequence,
    data: schema.parse(envelope.data) as Record<string, unknown>,
  };
  const contractId = envelope.contractid ?? (event.data.contractId as string | undefined);
  if (contractId) event.contractid = contractId;
  return event;
}

/**
 * Whether an event type matches a subscription's pattern: the exact type, or a pattern where `*` stands
 * for any run of characters (`casework.case.*`, `*.v1`, `*`).
 */
export function eventTypeMatches(pattern: string, type: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(type);
}
