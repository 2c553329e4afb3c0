import { Injectable } from '@nestjs/common';
import { TenantDirectory } from '@mediation/platform';
import { DeliveryQueue } from './delivery-queue';
import { DeliveryRepository } from './delivery.repository';

const BATCH = 500;

/**
 * Queues a send job for every pending delivery: those made since the last sweep whose
 * after-commit enqueue was lost, and those whose job Redis lost. A job already queued is kept.
 * Deliveries sit behind the tenant wall, so it sweeps one organisation at a time.
 */
@Injectable()
export class SweepDeliveriesUseCase {
  constructor(
    private readonly tenants: TenantDirectory,
    private readonly deliveries: DeliveryRepository,
    private readonly queue: DeliveryQueue,
  ) {}

  async execute(): Promise<void> {
    for (const organisationId of await this.tenants.organisationIds()) {
      const pending = await this.deliveries.listPending(organisationId, BATCH);
      await Promise.all(pending.map((delivery) => this.queue.enqueue(delivery)));
    }
  }
}
