import { Inject, Injectable } from '@nestjs/common';
import { uuidv7, type CreateWebhookBody, type RpcMeta } from '@mediation/protocol';
import { WEBHOOKS_CONFIG, type WebhooksConfig } from '../config/webhooks.config';
import { checkEndpointUrl } from './endpoint-url.rule';
import { EndpointRepository } from './endpoint.repository';
import { endpointView } from './endpoint.view';
import { newSigningSecret } from './signing-secret';

/** Subscribes an endpoint; its secret is answered this once and never shown again. */
@Injectable()
export class CreateEndpointUseCase {
  constructor(
    private readonly endpoints: EndpointRepository,
    @Inject(WEBHOOKS_CONFIG) private readonly config: Pick<WebhooksConfig, 'WEBHOOKS_ALLOW_HTTP_LOCALHOST'>,
  ) {}

  async execute(meta: RpcMeta, body: CreateWebhookBody) {
    const url = await checkEndpointUrl(body.url, this.config.WEBHOOKS_ALLOW_HTTP_LOCALHOST);
    const secret = newSigningSecret();
    const row = await this.endpoints.create(meta.organisationId, {
      id: uuidv7(),
      url: url.toString(),
      eventTypes: [...new Set(body.eventTypes)],
      contractId: body.contractId ?? null,
      description: body.description ?? null,
      secret,
    });
    return { ...endpointView(row), secret };
  }
}
