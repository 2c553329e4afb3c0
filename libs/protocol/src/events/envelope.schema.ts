import { z } from 'zod';

/**
 * The CloudEvents 1.0 JSON envelope around every event on the backbone, with this platform's
 * extension attributes. `data` is validated separately against the event type's own schema.
 */
export const EventEnvelopeSchema = z
  .object({
    specversion: z.literal('1.0').describe('CloudEvents specification version.'),
    id: z.uuid().describe('Event id (UUID v7); also the JetStream Nats-Msg-Id, so republishing is harmless.'),
    source: z.string().min(1).describe('The publishing service, e.g. `/services/casework`.'),
    type: z
      .string()
      .regex(/^[a-z]+\.[a-z-]+\.[a-z-]+\.v\d+$/)
      .describe('`<service>.<aggregate>.<event>.v<N>`.'),
    subject: z.string().min(1).describe('Id of the aggregate the event is about.'),
    time: z.iso.datetime({ offset: true }).describe('When the change happened (UTC).'),
    datacontenttype: z.literal('application/json').describe('Always JSON.'),
    data: z.unknown().describe('The event payload; its schema is given by `type`.'),
    organisationid: z.uuid().describe('The tenant the event belongs to.'),
    contractid: z.uuid().optional().describe('The contract the event belongs to, when there is one.'),
    sequence: z.number().int().positive().describe("The aggregate's version after this change; projections use it to ignore stale or repeated events."),
    correlationid: z.string().min(1).describe('Ties together every event caused by one request.'),
    causationid: z.string().min(1).optional().describe('Id of the event or request that directly caused this one.'),
    traceparent: z.string().optional().describe('W3C trace context of the publishing span.'),
  })
  .describe('CloudEvents 1.0 envelope.');

export type EventEnvelope<TData = unknown> = Omit<z.infer<typeof EventEnvelopeSchema>, 'data'> & { data: TData };
