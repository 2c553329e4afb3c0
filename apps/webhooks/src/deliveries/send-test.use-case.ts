import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { uuidv7, type RpcMeta } from '@mediation/protocol';
import { ReadEndpointsUseCase } from '../endpoints/read-endpoints.use-case';
import { DeliveryQueue } from './delivery-queue';
import { DeliveryRepository } from './delivery.repository';
import { deliveryView } from './delivery.view';

/** A `webhook.ping` to one endpoint, signed and logged like any delivery, so a partner can check its receiver. */
@Injectable()
export class SendTestUseCase {
  constructor(
    private readonly endpoints: ReadEndpointsUseCase,
    private readonly deliveries: DeliveryRepository,
    private readonly queue: DeliveryQueue,
    private readonly clock: Clock,
  ) {}

  async execute(meta: RpcMeta, webhookId: string) {
    const endpoint = await this.endpoints.require(meta, webhookId);
    if (endpoint.status !== 'active') throw ProblemError.conflict('The webhook is disabled; enable it (PATCH enabled: true) before testing it.');
    const now = this.clock.now();
    const id = uuidv7();
    const ping = {
      specversion: '1.0',
      id,
      source: '/services/webhooks',
      type: 'webhook.ping',
      subject: endpoint.id,
      time: now.toISOString(),
      datacontenttype: 'application/json',
      organisationid: meta.organisationId,
      data: { webhookId: endpoint.id },
    };
    const [deliveryId] = await this.deliveries.add(
      meta.organisationId,
      [{ endpointId: endpoint.id, messageId: id, eventType: 'webhook.ping', kind: 'test', body: JSON.stringify(ping) }],
      now,
    );
    await this.queue.enqueue(meta.organisationId, [deliveryId]);
    return deliveryView((await this.deliveries.find(meta.organisationId, endpoint.id, deliveryId))!);
  }
}
