import { Injectable } from '@nestjs/common';
import { jobId, Jobs, JobsService } from '@mediation/jobs';
import type { DeliveryKey } from './delivery.repository';

/** Asks for a delivery to be sent by a job. The job id is the delivery's, so asking twice queues one job. */
@Injectable()
export class DeliveryQueue {
  constructor(private readonly jobs: JobsService) {}

  enqueue(delivery: DeliveryKey, delayMs = 0): Promise<void> {
    return this.jobs.add(
      Jobs.sendDelivery,
      { deliveryId: delivery.id, organisationId: delivery.organisationId },
      { jobId: jobId('delivery', delivery.id), ...(delayMs > 0 ? { delay: delayMs } : {}) },
    );
  }
}
