import { z } from 'zod';
import {
  CreateWebhookBodySchema,
  CreatedWebhookSchema,
  EventFeedQuerySchema,
  EventFeedSchema,
  ReplayWebhookBodySchema,
  RotateWebhookSecretBodySchema,
  RotatedWebhookSecretSchema,
  UpdateWebhookBodySchema,
  WebhookDeliveryListQuerySchema,
  WebhookDeliveryListSchema,
  WebhookDeliveryViewSchema,
  WebhookListSchema,
  WebhookReplaySchema,
  WebhookViewSchema,
} from '../http/webhook.schemas';
import { defineRpc } from './define-rpc';

const webhookId = z.uuid().describe('The webhook id.');

/** The webhooks service: partners' endpoints, their delivery logs, replay, and the pull feed. */
export const WebhooksRpc = {
  createEndpoint: defineRpc({
    service: 'webhooks',
    verb: 'create-endpoint',
    description: 'Subscribe an endpoint (its URL checked: https, a public address); answers the secret once.',
    request: CreateWebhookBodySchema,
    response: CreatedWebhookSchema,
  }),
  listEndpoints: defineRpc({
    service: 'webhooks',
    verb: 'list-endpoints',
    description: 'The organisation’s endpoints.',
    request: z.object({}),
    response: WebhookListSchema,
  }),
  getEndpoint: defineRpc({
    service: 'webhooks',
    verb: 'get-endpoint',
    description: 'One endpoint.',
    request: z.object({ webhookId }),
    response: WebhookViewSchema,
  }),
  updateEndpoint: defineRpc({
    service: 'webhooks',
    verb: 'update-endpoint',
    description: 'Change, disable or enable an endpoint.',
    request: z.object({ webhookId, changes: UpdateWebhookBodySchema }),
    response: WebhookViewSchema,
  }),
  deleteEndpoint: defineRpc({
    service: 'webhooks',
    verb: 'delete-endpoint',
    description: 'Delete an endpoint with its delivery log.',
    request: z.object({ webhookId }),
    response: z.object({ deleted: z.literal(true) }),
  }),
  rotateSecret: defineRpc({
    service: 'webhooks',
    verb: 'rotate-secret',
    description: 'A new signing secret; the old one keeps signing beside it for the overlap.',
    request: z.object({ webhookId, rotation: RotateWebhookSecretBodySchema }),
    response: RotatedWebhookSecretSchema,
  }),
  listDeliveries: defineRpc({
    service: 'webhooks',
    verb: 'list-deliveries',
    description: 'An endpoint’s delivery log.',
    request: z.object({ webhookId, query: WebhookDeliveryListQuerySchema }),
    response: WebhookDeliveryListSchema,
  }),
  sendTest: defineRpc({
    service: 'webhooks',
    verb: 'send-test',
    description: 'Queue a `webhook.ping` to an endpoint.',
    request: z.object({ webhookId }),
    response: WebhookDeliveryViewSchema,
  }),
  redeliver: defineRpc({
    service: 'webhooks',
    verb: 'redeliver',
    description: 'Send one message of the log again, as a new delivery with the same `webhook-id`.',
    request: z.object({ webhookId, deliveryId: z.uuid() }),
    response: WebhookDeliveryViewSchema,
  }),
  replay: defineRpc({
    service: 'webhooks',
    verb: 'replay',
    description: 'Re-send the stored public events matching an endpoint in a time range.',
    request: z.object({ webhookId, replay: ReplayWebhookBodySchema }),
    response: WebhookReplaySchema,
  }),
  listEvents: defineRpc({
    service: 'webhooks',
    verb: 'list-events',
    description: 'A page of the organisation’s public events after a cursor, waiting up to `wait` seconds for one.',
    request: EventFeedQuerySchema,
    response: EventFeedSchema,
  }),
} as const;
