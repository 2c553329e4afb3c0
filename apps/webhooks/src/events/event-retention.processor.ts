import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Jobs, JobsService, QUEUES } from '@mediation/jobs';
import { PurgeOldEventsUseCase } from './purge-old-events.use-case';

/** The BullMQ adapter for the event log's retention: daily at 04:45 London (clear of the clock-change hour); purging twice is harmless. */
@Injectable()
export class EventRetentionProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(EventRetentionProcessor.name);

  constructor(
    private readonly jobs: JobsService,
    private readonly purge: PurgeOldEventsUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.jobs.startWorker(QUEUES.publicEventRetention, { [Jobs.purgeOldPublicEvents.name]: () => this.run() }, 1);
    await this.jobs.schedule(Jobs.purgeOldPublicEvents, 'purge-old-public-events', { pattern: '45 4 * * *' });
  }

  private async run(): Promise<void> {
    const result = await this.purge.execute();
    this.logger.log(result, result.purged > 0 ? 'purged public events past their retention' : 'no public events past their retention');
  }
}
