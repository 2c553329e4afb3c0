import { z } from 'zod';
import { defineEvent } from './define-event';

/** Why a partner's endpoint was disabled by the platform (not by the organisation). */
export const ENDPOINT_DISABLED_REASONS = ['gone', 'failing'] as const;

export const EndpointDisabledV1 = defineEvent({
  type: 'webhooks.endpoint.disabled.v1',
  visibility: 'internal',
  description:
    'The webhooks service disabled a partner’s endpoint: it answered 410 Gone, or every delivery to it had failed for WEBHOOKS_DISABLE_AFTER_MS (5 days). Appended in the transaction that disables it; notify emails the organisation’s provider-admins. Not sent when the organisation disables an endpoint itself.',
  schema: z
    .object({
      endpointId: z.uuid().describe('The endpoint (GET /v1/webhooks/{id}).'),
      url: z.string().describe('Where it was sending to.'),
      description: z.string().nullable().describe('The organisation’s own description of the endpoint; null when it gave none.'),
      reason: z.enum(ENDPOINT_DISABLED_REASONS).describe('`gone`: it answered 410 Gone; `failing`: every delivery had failed since `failingSince`.'),
      failingSince: z.iso.datetime({ offset: true }).nullable().describe('The first failed attempt of the run of failures; null when it was disabled for 410.'),
      lastStatusCode: z
        .number()
        .int()
        .nullable()
        .describe('The HTTP status of the attempt that disabled it; null when none came (a timeout, a refused address).'),
      disabledAt: z.iso.datetime({ offset: true }).describe('When it was disabled.'),
    })
    .describe('webhooks.endpoint.disabled.v1 data'),
});
