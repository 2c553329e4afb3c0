import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { eventTypeMatches, PARTNER_EVENT_TYPES, type RpcMeta } from '@mediation/protocol';
import { DeliveryQueue } from '../deliveries/delivery-queue';
import { DeliveryRepository } from '../deliveries/delivery.repository';
import { ReadEndpointsUseCase } from '../endpoints/read-endpoints.use-case';
import { PublicEventRepository, REPLAY_PAGE } from './public-event.repository';

/**
 * Re-sends the stored public events that match an endpoint (its types and contract) and happened in [from, to),
 * as new deliveries of kind `replay` with the events' own `webhook-id`s, so a partner that dedupes by id is safe.
 * It reads the webhooks service's own log, never the stream, so no other consumer is touched. Progress is the
 * delivery log, filtered by kind.
 */
@Injectable()
export class ReplayUseCase {
  /** Events read and queued at a time (a test makes it small). */
  pageSize = REPLAY_PAGE;

  constructor(
    private readonly endpoints: ReadEndpointsUseCase,
    private readonly events: PublicEventRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly queue: DeliveryQueue,
    private readonly clock: Clock,
  ) {}

  async execute(meta: RpcMeta, webhookId: string, range: { from?: string; fromEventId?: string; to?: string }) {
    const endpoint = await this.endpoints.require(meta, webhookId);
    if (endpoint.status !== 'active') throw ProblemError.conflict('The webhook is disabled; enable it (PATCH enabled: true) before replaying to it.');
    const now = this.clock.now();
    const to = range.to ? new Date(range.to) : now;
    const types = PARTNER_EVENT_TYPES.filter((type) => endpoint.eventTypes.some((pattern) => eventTypeMatches(pattern, type)));
    const from = range.fromEventId ? { position: await this.positionOf(meta, range.fromEventId) } : { time: new Date(range.from!) };
    // Page by page, so a replay of a long gap re-sends every event in it, never only the first page.
    let queued = 0;
    for (let after: bigint | undefined; ;) {
      const events = await this.events.since(meta.organisationId, from, to, types, endpoint.contractId, { after, limit: this.pageSize });
      const ids = await this.deliveries.add(
        meta.organisationId,
        events.map((e) => ({ endpointId: endpoint.id, messageId: e.body.id, eventType: e.type, kind: 'replay' as const, body: JSON.stringify(e.body) })),
        now,
      );
      await this.queue.enqueue(meta.organisationId, ids);
      queued += ids.length;
      if (events.length < this.pageSize) break;
      after = events[events.length - 1].position;
    }
    return { queued, from: range.from ? new Date(range.from).toISOString() : null, fromEventId: range.fromEventId ?? null, to: to.toISOString() };
  }

  private async positionOf(meta: RpcMeta, eventId: string): Promise<bigint> {
    const position = await this.events.positionOf(meta.organisationId, eventId);
    if (position === undefined) throw ProblemError.unknownReference('fromEventId', 'is not a public event of your organisation', 'unknown_event');
    return position;
  }
}
