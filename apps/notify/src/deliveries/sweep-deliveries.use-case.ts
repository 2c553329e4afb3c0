import { Injectable } from '@nestjs/common';
import { DeliveryQueue } from './delivery-queue';
import { DeliveryRepository } from './delivery.repository';

const BATCH = 500;

/**
 * Queues a send job for every pending delivery: those made since the last sweep whose
 * after-commit enqueue was lost, and those whose job Redis lost. A job already queued is kept.
 */
@Injectable()
export class SweepDeliveriesUseCase {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly queue: DeliveryQueue,
  ) {}

  async execute(): Promise<void> {
    const pending = await this.deliveries.listPending(BATCH);
    await Promise.all(pending.map((delivery) => this.queue.enqueue(delivery)));
  }
}
