import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { RpcMeta } from '@mediation/protocol';
import { EndpointRepository, type EndpointRow } from './endpoint.repository';
import { endpointView } from './endpoint.view';

/** Reads an organisation's endpoints; another organisation's id is not found. */
@Injectable()
export class ReadEndpointsUseCase {
  constructor(private readonly endpoints: EndpointRepository) {}

  async list(meta: RpcMeta) {
    return { items: (await this.endpoints.list(meta.organisationId)).map(endpointView) };
  }

  async get(meta: RpcMeta, webhookId: string) {
    return endpointView(await this.require(meta, webhookId));
  }

  async require(meta: RpcMeta, webhookId: string): Promise<EndpointRow> {
    const row = await this.endpoints.find(meta.organisationId, webhookId);
    if (!row) throw ProblemError.notFound('webhook', webhookId);
    return row;
  }
}
