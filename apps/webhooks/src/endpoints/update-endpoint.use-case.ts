import { Inject, Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import type { RpcMeta, UpdateWebhookBody } from '@mediation/protocol';
import { WEBHOOKS_CONFIG, type WebhooksConfig } from '../config/webhooks.config';
import { checkEndpointUrl } from './endpoint-url.rule';
import { EndpointRepository } from './endpoint.repository';
import { endpointView } from './endpoint.view';

/** Changes an endpoint; `enabled: false` disables it (reason `manual`), `true` enables it again and forgets its failures. */
@Injectable()
export class UpdateEndpointUseCase {
  constructor(
    private readonly endpoints: EndpointRepository,
    private readonly clock: Clock,
    @Inject(WEBHOOKS_CONFIG) private readonly config: Pick<WebhooksConfig, 'WEBHOOKS_ALLOW_HTTP_LOCALHOST'>,
  ) {}

  async execute(meta: RpcMeta, webhookId: string, changes: UpdateWebhookBody) {
    const url = changes.url === undefined ? undefined : (await checkEndpointUrl(changes.url, this.config.WEBHOOKS_ALLOW_HTTP_LOCALHOST)).toString();
    const enabled =
      changes.enabled === undefined
        ? {}
        : changes.enabled
          ? { status: 'active', disabledReason: null, disabledAt: null, failingSince: null }
          : { status: 'disabled', disabledReason: 'manual', disabledAt: this.clock.now() };
    const row = await this.endpoints.update(meta.organisationId, webhookId, {
      ...(url === undefined ? {} : { url }),
      ...(changes.eventTypes === undefined ? {} : { eventTypes: [...new Set(changes.eventTypes)] }),
      ...(changes.contractId === undefined ? {} : { contractId: changes.contractId }),
      ...(changes.description === undefined ? {} : { description: changes.description }),
      ...enabled,
    });
    if (!row) throw ProblemError.notFound('webhook', webhookId);
    return endpointView(row);
  }
}
