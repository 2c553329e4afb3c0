import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { RpcMeta } from '@mediation/protocol';
import { EndpointRepository } from './endpoint.repository';

/** Deletes an endpoint and its delivery log; a pending delivery finds no endpoint and stops. */
@Injectable()
export class DeleteEndpointUseCase {
  constructor(private readonly endpoints: EndpointRepository) {}

  async execute(meta: RpcMeta, webhookId: string) {
    if (!(await this.endpoints.delete(meta.organisationId, webhookId))) throw ProblemError.notFound('webhook', webhookId);
    return { deleted: true as const };
  }
}
