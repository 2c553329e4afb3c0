import { londonDateTime } from '@mediation/documents';
import type { EndpointDisabledV1, EventData } from '@mediation/protocol';
import { oneLine } from '../mail/mail-text';

export const WEBHOOK_ENDPOINT_DISABLED = 'webhook-endpoint-disabled';

type Disabled = EventData<typeof EndpointDisabledV1>;

/** Tells a provider-admin that the platform stopped sending events to one of the organisation's partner endpoints, why, and how to start again. */
export function endpointDisabled(disabled: Disabled, adminName: string): { subjectLine: string; body: string } {
  const which = disabled.description ? `${oneLine(disabled.description)} (${disabled.url})` : disabled.url;
  const why =
    disabled.reason === 'gone'
      ? 'It answered 410 Gone, which says the address is no longer in use.'
      : `Every delivery to it has failed since ${londonDateTime(disabled.failingSince ?? disabled.disabledAt)}${
          disabled.lastStatusCode ? ` (the last answer was HTTP ${disabled.lastStatusCode})` : ' (the last attempt got no answer)'
        }.`;
  const lines = [
    `Dear ${oneLine(adminName)},`,
    '',
    `We have stopped sending events to your webhook endpoint ${which} on ${londonDateTime(disabled.disabledAt)}.`,
    why,
    '',
    `Events from now on are not sent to it. Once it works again, enable it with PATCH /v1/webhooks/${disabled.endpointId} {"enabled": true}, and replay what it missed with POST /v1/webhooks/${disabled.endpointId}/replay; its delivery log is at GET /v1/webhooks/${disabled.endpointId}/deliveries.`,
  ];
  return { subjectLine: `Webhook endpoint disabled: ${oneLine(disabled.description ?? disabled.url)}`, body: lines.join('\n') };
}
