import { Injectable } from '@nestjs/common';
import { Clock, TenantDirectory } from '@mediation/platform';
import { DeliveryQueue } from './delivery-queue';
import { DeliveryRepository } from './delivery.repository';

const BATCH = 500;
/** A pending delivery this late has lost its job (Redis lost it, or the process died before enqueueing it). */
const GRACE_MS = 60_000;

/** Re-enqueues overdue pending deliveries, one organisation at a time behind the tenant wall; a job still queued is kept. */
@Injectable()
export class SweepDeliveriesUseCase {
  constructor(
    private readonly tenants: TenantDirectory,
    private readonly deliveries: DeliveryRepository,
    private readonly queue: DeliveryQueue,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<void> {
    const before = new Date(this.clock.now().getTime() - GRACE_MS);
    for (const organisationId of await this.tenants.organisationIds()) {
      const overdue = await this.deliveries.overdue(organisationId, before, BATCH);
      await this.queue.enqueue(
        organisationId,
        overdue.map((d) => d.id),
      );
    }
  }
}
