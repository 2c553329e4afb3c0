import { Injectable } from '@nestjs/common';
import { TenantDirectory } from '@mediation/platform';
import { DeliveryQueue } from './delivery-queue';
import { DeliveryRepository } from './delivery.repository';

const BATCH = 500;
/** A delivery younger than this may have its first attempt under way in the process that stored it (see DeliveryDispatcher). */
export const SWEEP_MIN_AGE_MS = 60_000;

/**
 * Queues a send job for every delivery pending for a minute: those whose first attempt was cut off by a
 * crash or never started, and those whose job Redis lost. A job already queued is kept.
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
      const pending = await this.deliveries.listPending(organisationId, BATCH, SWEEP_MIN_AGE_MS);
      await Promise.all(pending.map((delivery) => this.queue.enqueue(delivery)));
    }
  }
}
