import { Injectable, Logger } from '@nestjs/common';
import { jobId, Jobs, JobsService } from '@mediation/jobs';

/** Enqueues deliveries after their rows committed; one job id per delivery, so the sweeper's re-add of a queued one is a no-op. */
@Injectable()
export class DeliveryQueue {
  private readonly logger = new Logger('DeliveryQueue');

  constructor(private readonly jobs: JobsService) {}

  async enqueue(organisationId: string, deliveryIds: readonly string[]): Promise<void> {
    await this.jobs
      .addBulk(
        Jobs.deliverWebhook,
        deliveryIds.map((deliveryId) => ({ data: { deliveryId, organisationId }, jobId: jobId('webhook', deliveryId) })),
      )
      .catch((error: Error) => this.logger.warn(`${deliveryIds.length} deliveries not queued (the sweeper will): ${error.message}`));
  }
}
