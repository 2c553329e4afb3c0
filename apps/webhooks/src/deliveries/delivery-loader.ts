import { Injectable } from '@nestjs/common';
import { DeliveryRepository, type DeliveryWithEndpoint } from './delivery.repository';
import { TickBatcher } from './tick-batcher';

/** Reads the deliveries (with their endpoints) the dispatcher's jobs ask for within one turn of the event loop in one query per organisation. */
@Injectable()
export class DeliveryLoader {
  private readonly batcher: TickBatcher<{ organisationId: string; id: string }, DeliveryWithEndpoint | null>;

  constructor(deliveries: DeliveryRepository) {
    this.batcher = new TickBatcher(async (organisationId, items) => {
      const rows = new Map((await deliveries.manyWithEndpoint(organisationId, [...new Set(items.map((i) => i.id))])).map((r) => [r.id, r]));
      return items.map((item) => rows.get(item.id) ?? null);
    });
  }

  load(organisationId: string, id: string): Promise<DeliveryWithEndpoint | null> {
    return this.batcher.add({ organisationId, id });
  }
}
