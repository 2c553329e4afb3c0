import { Inject, Injectable } from '@nestjs/common';
import { Clock, TenantDirectory } from '@mediation/platform';
import { WEBHOOKS_CONFIG, type WebhooksConfig } from '../config/webhooks.config';
import { PublicEventRepository } from './public-event.repository';

/** Small transactions, so a long backlog never holds locks the consumers and the feed wait on. */
export const PURGE_BATCH = 1_000;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Retention of the stored public event log: events that happened more than WEBHOOKS_EVENT_RETENTION_DAYS ago
 * are deleted, one organisation at a time behind the tenant wall, in batches until none is left. The delivery
 * log keeps its own copy of what was sent; only the feed and replay lose reach.
 */
@Injectable()
export class PurgeOldEventsUseCase {
  constructor(
    private readonly tenants: TenantDirectory,
    private readonly events: PublicEventRepository,
    private readonly clock: Clock,
    @Inject(WEBHOOKS_CONFIG) private readonly config: WebhooksConfig,
  ) {}

  async execute(batch = PURGE_BATCH): Promise<{ purged: number; cutoff: string }> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.WEBHOOKS_EVENT_RETENTION_DAYS * DAY_MS);
    let purged = 0;
    for (const organisationId of await this.tenants.organisationIds()) {
      for (;;) {
        const count = await this.events.purgeBefore(organisationId, cutoff, batch);
        purged += count;
        if (count < batch) break;
      }
    }
    return { purged, cutoff: cutoff.toISOString() };
  }
}
