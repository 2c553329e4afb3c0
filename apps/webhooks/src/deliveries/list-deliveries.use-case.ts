import { Injectable } from '@nestjs/common';
import type { RpcMeta } from '@mediation/protocol';
import { ReadEndpointsUseCase } from '../endpoints/read-endpoints.use-case';
import { DeliveryRepository } from './delivery.repository';
import { deliveryView } from './delivery.view';

/** An endpoint's delivery log, newest first, each with its attempts (status, response time, the start of the answer). */
@Injectable()
export class ListDeliveriesUseCase {
  constructor(
    private readonly endpoints: ReadEndpointsUseCase,
    private readonly deliveries: DeliveryRepository,
  ) {}

  async execute(meta: RpcMeta, webhookId: string, query: { limit: number; status?: string; kind?: string }) {
    await this.endpoints.require(meta, webhookId);
    return { items: (await this.deliveries.list(meta.organisationId, webhookId, query)).map(deliveryView) };
  }
}
