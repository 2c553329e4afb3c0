import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import type { RpcMeta } from '@mediation/protocol';
import { ReadEndpointsUseCase } from '../endpoints/read-endpoints.use-case';
import { DeliveryQueue } from './delivery-queue';
import { DeliveryRepository } from './delivery.repository';
import { deliveryView } from './delivery.view';

/** Sends one logged message again, as a new delivery with the same body and `webhook-id` (so the partner can tell it is the same message). */
@Injectable()
export class RedeliverUseCase {
  constructor(
    private readonly endpoints: ReadEndpointsUseCase,
    private readonly deliveries: DeliveryRepository,
    private readonly queue: DeliveryQueue,
    private readonly clock: Clock,
  ) {}

  async execute(meta: RpcMeta, webhookId: string, deliveryId: string) {
    const endpoint = await this.endpoints.require(meta, webhookId);
    if (endpoint.status !== 'active') throw ProblemError.conflict('The webhook is disabled; enable it (PATCH enabled: true) before redelivering.');
    const original = await this.deliveries.find(meta.organisationId, webhookId, deliveryId);
    if (!original) throw ProblemError.notFound('delivery', deliveryId);
    const [id] = await this.deliveries.add(
      meta.organisationId,
      [{ endpointId: webhookId, messageId: original.messageId, eventType: original.eventType, kind: 'redelivery', body: original.body }],
      this.clock.now(),
    );
    await this.queue.enqueue(meta.organisationId, [id]);
    return deliveryView((await this.deliveries.find(meta.organisationId, webhookId, id))!);
  }
}
