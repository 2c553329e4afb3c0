import { Injectable } from '@nestjs/common';
import { eventTypeMatches, PARTNER_EVENT_TYPES, type EventFeedQuery, type RpcMeta } from '@mediation/protocol';
import { PublicEventRepository } from './public-event.repository';

/** How often a long poll looks again for a new event. */
const POLL_EVERY_MS = 500;

/**
 * The pull feed: the organisation's public events after a cursor, oldest first. With `wait`, an empty page
 * waits up to that many seconds for the first event to arrive. The cursor is the stored log's position.
 */
@Injectable()
export class ListEventsUseCase {
  constructor(private readonly events: PublicEventRepository) {}

  async execute(meta: RpcMeta, query: EventFeedQuery) {
    const types = query.types ? this.typesOf(query.types) : undefined;
    const after = query.after === undefined ? 0n : BigInt(query.after);
    const deadline = Date.now() + query.wait * 1000;
    for (;;) {
      const page = types?.length === 0 ? [] : await this.events.after(meta.organisationId, after, types, query.limit);
      if (page.length > 0 || Date.now() + POLL_EVERY_MS > deadline) {
        return { items: page.map((e) => e.body), nextCursor: String(page.length > 0 ? page[page.length - 1].position : after) };
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
    }
  }

  /** Patterns become the exact partner types they match, so the query filters on an index. */
  private typesOf(list: string): string[] {
    const patterns = list
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    return PARTNER_EVENT_TYPES.filter((type) => patterns.some((pattern) => eventTypeMatches(pattern, type)));
  }
}
