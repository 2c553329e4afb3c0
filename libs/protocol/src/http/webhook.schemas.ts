import { z } from 'zod';
import { PARTNER_EVENT_TYPES, PartnerEventSchema, eventTypeMatches } from '../events/partner-events';

/** A subscription pattern must match at least one event a partner may receive, so a typo or an internal type is a 400, not silence. */
const EventTypePatternSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9.*-]+$/, 'must be an event type, with `*` for any run of characters')
  .refine((pattern) => PARTNER_EVENT_TYPES.some((type) => eventTypeMatches(pattern, type)), {
    message: 'matches no public event type (see /docs/asyncapi.json, x-partner-types)',
  })
  .describe('An event type (`casework.case.closed.v1`) or a pattern with `*` (`casework.case.*`).');

const EventTypesSchema = z.array(EventTypePatternSchema).min(1, 'must name at least one event type').max(50).describe('The event types to receive.');

export const CreateWebhookBodySchema = z
  .object({
    url: z.string().trim().max(2000).describe('Where to POST events: an https URL on the public internet.'),
    eventTypes: EventTypesSchema,
    contractId: z.uuid('must be a contract id').optional().describe('Only events of this contract; omit for all your contracts.'),
    description: z.string().trim().max(500).optional().describe('What the endpoint is, for your own records.'),
  })
  .strict()
  .describe('A new webhook endpoint.');
export type CreateWebhookBody = z.infer<typeof CreateWebhookBodySchema>;

export const UpdateWebhookBodySchema = z
  .object({
    url: z.string().trim().max(2000).optional().describe('A new URL; checked as on creation.'),
    eventTypes: EventTypesSchema.optional(),
    contractId: z.uuid('must be a contract id').nullable().optional().describe('A contract filter; null for all your contracts.'),
    description: z.string().trim().max(500).nullable().optional().describe('A new description; null to clear it.'),
    enabled: z.boolean().optional().describe('false disables the endpoint (nothing more is sent); true enables it again.'),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'must change at least one field' })
  .describe('Changes to a webhook endpoint.');
export type UpdateWebhookBody = z.infer<typeof UpdateWebhookBodySchema>;

export const RotateWebhookSecretBodySchema = z
  .object({
    overlapSeconds: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 3600)
      .default(24 * 3600)
      .describe('How long deliveries carry a signature with the old secret too (default 24 hours).'),
  })
  .strict()
  .describe('Rotate the signing secret.');

export const WebhookIdParamsSchema = z.object({ id: z.uuid('must be a webhook id').describe('The webhook id.') }).describe('Path parameters.');
export const WebhookDeliveryParamsSchema = WebhookIdParamsSchema.extend({
  deliveryId: z.uuid('must be a delivery id').describe('The delivery id.'),
}).describe('Path parameters.');

export const WEBHOOK_DISABLED_REASONS = ['manual', 'gone', 'failing'] as const;

export const WebhookViewSchema = z
  .object({
    id: z.uuid().describe('The webhook id.'),
    url: z.string().describe('Where events are sent.'),
    eventTypes: z.array(z.string()).describe('The event types (or patterns) it receives.'),
    contractId: z.uuid().nullable().describe('The one contract whose events it receives; null for all.'),
    description: z.string().nullable().describe('Its description.'),
    status: z.enum(['active', 'disabled']).describe('Whether events are sent to it.'),
    disabledReason: z
      .enum(WEBHOOK_DISABLED_REASONS)
      .nullable()
      .describe('Why it is disabled: `manual` (by you), `gone` (it answered 410), `failing` (every delivery failed for 5 days).'),
    disabledAt: z.iso.datetime({ offset: true }).nullable().describe('When it was disabled.'),
    failingSince: z.iso.datetime({ offset: true }).nullable().describe('When its deliveries started failing, if they are failing now.'),
    previousSecretExpiresAt: z.iso.datetime({ offset: true }).nullable().describe('Until when deliveries are signed with the previous secret too.'),
    createdAt: z.iso.datetime({ offset: true }).describe('When it was created.'),
    updatedAt: z.iso.datetime({ offset: true }).describe('When it last changed.'),
  })
  .describe('A webhook endpoint, without its secret.');
export type WebhookView = z.infer<typeof WebhookViewSchema>;

export const CreatedWebhookSchema = WebhookViewSchema.extend({
  secret: z.string().describe('The signing secret (`whsec_` and base64), shown this once: store it now.'),
}).describe('A new webhook endpoint and its signing secret.');

export const RotatedWebhookSecretSchema = z
  .object({
    secret: z.string().describe('The new signing secret, shown this once.'),
    previousSecretExpiresAt: z.iso.datetime({ offset: true }).describe('Until when deliveries carry a signature with the old secret too.'),
  })
  .describe('A rotated signing secret.');

export const WebhookListSchema = z.object({ items: z.array(WebhookViewSchema).describe('The endpoints, newest first.') }).describe('Your webhook endpoints.');

export const WebhookAttemptSchema = z
  .object({
    at: z.iso.datetime({ offset: true }).describe('When it was sent.'),
    statusCode: z.number().int().nullable().describe('The HTTP status answered; null when there was no answer.'),
    durationMs: z.number().int().describe('How long the endpoint took to answer.'),
    responseBody: z.string().nullable().describe('The start of the answer (at most 1,000 characters).'),
    error: z.string().nullable().describe('Why there was no answer (timeout, refused address, connection error).'),
  })
  .describe('One attempt to deliver a message.');

export const WebhookDeliveryViewSchema = z
  .object({
    id: z.uuid().describe('The delivery id, for redelivery.'),
    webhookId: z.uuid().describe('The endpoint.'),
    messageId: z.string().describe('The `webhook-id` header: the event id (the same on every retry, replay and redelivery), or the ping’s own id.'),
    eventType: z.string().describe('The event type, or `webhook.ping` for a test.'),
    kind: z.enum(['event', 'replay', 'redelivery', 'test']).describe('Why it was sent.'),
    status: z.enum(['pending', 'delivered', 'failed']).describe('`failed` once every retry failed or the endpoint was disabled.'),
    attemptCount: z.number().int().describe('Attempts so far.'),
    nextAttemptAt: z.iso.datetime({ offset: true }).nullable().describe('When it is tried again, if pending.'),
    createdAt: z.iso.datetime({ offset: true }).describe('When it was queued.'),
    deliveredAt: z.iso.datetime({ offset: true }).nullable().describe('When an attempt succeeded.'),
    attempts: z.array(WebhookAttemptSchema).describe('Its attempts, oldest first.'),
  })
  .describe('A message to an endpoint, with its attempts.');
export type WebhookDeliveryView = z.infer<typeof WebhookDeliveryViewSchema>;

export const WebhookDeliveryListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(50).describe('At most this many (1-100, default 50).'),
    status: z.enum(['pending', 'delivered', 'failed']).optional().describe('Only deliveries in this status.'),
    kind: z.enum(['event', 'replay', 'redelivery', 'test']).optional().describe('Only deliveries of this kind, e.g. `replay` to follow a replay.'),
  })
  .strict()
  .describe('Query parameters.');

export const WebhookDeliveryListSchema = z
  .object({ items: z.array(WebhookDeliveryViewSchema).describe('The deliveries, newest first.') })
  .describe('An endpoint’s delivery log.');

export const ReplayWebhookBodySchema = z
  .object({
    from: z.iso.datetime({ offset: true }).optional().describe('Re-send the matching events that happened at or after this time…'),
    fromEventId: z.uuid('must be an event id').optional().describe('…or those stored from this event on (itself included); give `from` or `fromEventId`.'),
    to: z.iso.datetime({ offset: true }).optional().describe('…and before this time (default: now).'),
  })
  .strict()
  .refine((body) => (body.from === undefined) !== (body.fromEventId === undefined), { message: 'give either from or fromEventId', path: ['from'] })
  .refine((body) => !body.to || !body.from || Date.parse(body.to) > Date.parse(body.from), { message: 'must be after from', path: ['to'] })
  .describe('A replay of stored public events to one endpoint.');

export const WebhookReplaySchema = z
  .object({
    queued: z.number().int().describe('Messages queued; follow them in the delivery log (kind `replay`).'),
    from: z.iso.datetime({ offset: true }).nullable().describe('From this time (null when replaying from an event id).'),
    fromEventId: z.uuid().nullable().describe('From this event (null when replaying from a time).'),
    to: z.iso.datetime({ offset: true }).describe('To.'),
  })
  .describe('A replay, queued.');

export const EventFeedQuerySchema = z
  .object({
    after: z
      .string()
      .regex(/^\d{1,18}$/, 'must be a cursor from a previous page')
      .optional()
      .describe('The `nextCursor` of the previous page; omit to start from the oldest stored event.'),
    types: z.string().max(1000).optional().describe('Comma-separated event types or patterns (`casework.case.*`); omit for every type.'),
    limit: z.coerce.number().int().min(1).max(500).default(100).describe('At most this many (1-500, default 100).'),
    wait: z.coerce.number().int().min(0).max(30).default(0).describe('Seconds to wait for an event when there is none yet (long poll, at most 30).'),
  })
  .strict()
  .describe('Query parameters.');
export type EventFeedQuery = z.infer<typeof EventFeedQuerySchema>;

export const EventFeedSchema = z
  .object({
    items: z.array(PartnerEventSchema).describe('Public events of your organisation, oldest first.'),
    nextCursor: z.string().describe('Pass as `after` for the next page (the same cursor again when the page was empty).'),
  })
  .describe('A page of the event feed.');
