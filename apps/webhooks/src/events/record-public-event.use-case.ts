import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import { eventTypeMatches, toPartnerEvent, type EventEnvelope } from '@mediation/protocol';
import type { WebhooksTx } from '../database/webhooks.database';
import { DeliveryQueue } from '../deliveries/delivery-queue';
import { DeliveryRepository } from '../deliveries/delivery.repository';
import { EndpointRepository } from '../endpoints/endpoint.repository';
import { PublicEventRepository } from './public-event.repository';

/**
 * An event from the stream, in the consumer's inbox transaction: its partner copy (the public event, or the
 * projection of an internal one) joins the stored log, and one delivery is queued for each active endpoint
 * whose types and contract match. The delivery jobs are added after the commit.
 */
@Injectable()
export class RecordPublicEventUseCase {
  constructor(
    private readonly endpoints: EndpointRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly queue: DeliveryQueue,
    private readonly clock: Clock,
    private readonly events: PublicEventRepository,
  ) {}

  async execute(tx: WebhooksTx, envelope: EventEnvelope, context: HandlerContext): Promise<void> {
    const event = toPartnerEvent(envelope);
    if (!event) return;
    // Stored when the transaction commits, with the batch's other events; a copy stored before is kept, and its live deliveries are unique per endpoint.
    await this.events.store(tx, event);
    const matching = (await this.endpoints.activeFor(tx, event.organisationid, event.contractid)).filter((endpoint) =>
      endpoint.eventTypes.some((pattern) => eventTypeMatches(pattern, event.type)),
    );
    if (matching.length === 0) return;
    const body = JSON.stringify(event);
    const added = await this.deliveries.addLive(
      tx,
      event.organisationid,
      matching.map((endpoint) => ({ endpointId: endpoint.id, messageId: event.id, eventType: event.type, kind: 'event' as const, body })),
      this.clock.now(),
    );
    context.afterCommit(() =>
      this.queue.enqueue(
        event.organisationid,
        added.map((d) => d.id),
      ),
    );
  }
}
