import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Jobs, JobsService, QUEUES } from '@mediation/jobs';
import { CheckTextReceiptsUseCase } from './check-text-receipts.use-case';

/** The BullMQ adapter: asks for text receipts every minute. */
@Injectable()
export class TextReceiptsProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobsService,
    private readonly check: CheckTextReceiptsUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.jobs.startWorker(QUEUES.textReceipts, { [Jobs.checkTextReceipts.name]: async () => void (await this.check.execute()) }, 1);
    await this.jobs.schedule(Jobs.checkTextReceipts, 'check-text-receipts', { every: 60_000 });
  }
}
