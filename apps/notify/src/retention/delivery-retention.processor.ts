import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Jobs, JobsService, QUEUES } from '@mediation/jobs';
import { ClearOldDeliveryBodiesUseCase } from './clear-old-delivery-bodies.use-case';

/** The BullMQ adapter for delivery retention: daily at 04:15 London time (clear of the clock-change hour); clearing twice is harmless. */
@Injectable()
export class DeliveryRetentionProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeliveryRetentionProcessor.name);

  constructor(
    private readonly jobs: JobsService,
    private readonly clearOldBodies: ClearOldDeliveryBodiesUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.jobs.startWorker(QUEUES.deliveryRetention, { [Jobs.clearOldDeliveryBodies.name]: () => this.run() }, 1);
    await this.jobs.schedule(Jobs.clearOldDeliveryBodies, 'clear-old-delivery-bodies', { pattern: '15 4 * * *' });
  }

  private async run(): Promise<void> {
    const result = await this.clearOldBodies.execute();
    this.logger.log(result, result.cleared > 0 ? 'cleared the bodies of deliveries past their retention' : 'no delivery bodies past their retention');
  }
}
