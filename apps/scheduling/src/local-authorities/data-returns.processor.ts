import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Jobs, JobsService, QUEUES } from '@mediation/jobs';
import { SweepDataReturnsUseCase } from './sweep-data-returns.use-case';

/** The BullMQ adapter for data returns: one job scheduler, daily at 08:00 London (clear of the clock-change hour). */
@Injectable()
export class DataReturnsProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobsService,
    private readonly sweep: SweepDataReturnsUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.jobs.startWorker(QUEUES.dataReturns, { [Jobs.sweepDataReturns.name]: async () => void (await this.sweep.execute()) }, 1);
    await this.jobs.schedule(Jobs.sweepDataReturns, 'sweep-data-returns', { pattern: '0 8 * * *' });
  }
}
