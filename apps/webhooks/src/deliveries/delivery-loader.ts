import { Injectable } from '@nestjs/common';
import { DeliveryRepository, type DeliveryWithEndpoint } from './delivery.repository';

/** Deliveries read together at most: one query each batch. */
const MAX_BATCH = 200;

interface Pending {
  organisationId: string;
  id: string;
  done: { resolve: (row: DeliveryWithEndpoint | null) => void; reject: (error: unknown) => void };
}

/**
 * Reads the deliveries (with their endpoints) that the dispatcher's jobs asked for within the same turn of the event
 * loop in one query per organisation, instead of a transaction each: with a hundred jobs at once that is most of the
 * round trips a delivery costs. Each caller gets its own row, or null.
 */
@Injectable()
export class DeliveryLoader {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly deliveries: DeliveryRepository) {}

  load(organisationId: string, id: string): Promise<DeliveryWithEndpoint | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ organisationId, id, done: { resolve, reject } });
      if (this.queue.length >= MAX_BATCH) void this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    const byOrganisation = new Map<string, Pending[]>();
    for (const item of batch) byOrganisation.set(item.organisationId, [...(byOrganisation.get(item.organisationId) ?? []), item]);
    await Promise.all(
      [...byOrganisation].map(async ([organisationId, items]) => {
        try {
          const rows = new Map((await this.deliveries.manyWithEndpoint(organisationId, [...new Set(items.map((i) => i.id))])).map((r) => [r.id, r]));
          for (const item of items) item.done.resolve(rows.get(item.id) ?? null);
        } catch (error) {
          for (const item of items) item.done.reject(error);
        }
      }),
    );
  }
}
