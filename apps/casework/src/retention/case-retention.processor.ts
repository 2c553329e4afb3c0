import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Jobs, JobsService, QUEUES } from '@mediation/jobs';
import { AnonymiseExpiredCasesUseCase } from './anonymise-expired-cases.use-case';

/** The BullMQ adapter for retention: daily at 03:30 London time (clear of the clock-change hour); anonymising twice is harmless. */
@Injectable()
export class CaseRetentionProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(CaseRetentionProcessor.name);

  constructor(
    private readonly jobs: JobsService,
    private readonly anonymise: AnonymiseExpiredCasesUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.jobs.startWorker(QUEUES.retention, { [Jobs.anonymiseExpiredCases.name]: () => this.run() }, 1);
    await this.jobs.schedule(Jobs.anonymiseExpiredCases, 'anonymise-expired-cases', { pattern: '30 3 * * *' });
  }

  private async run(): Promise<void> {
    const result = await this.anonymise.execute();
    if (result.anonymised > 0) this.logger.log(result, 'anonymised cases past their retention period');
  }
}
