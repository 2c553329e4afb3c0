import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobsService, QUEUES, ReportJobs } from '@mediation/jobs';
import { IssueMonthlyPacksUseCase } from './issue-monthly-packs.use-case';
import { IssuePackUseCase } from './issue-pack.use-case';

/** At 06:00 London on the 1st of each month (a cron in Europe/London, so the same wall-clock hour across clock changes). */
export const MONTHLY_PACKS_CRON = '0 6 1 * *';

/** The BullMQ adapter for the packs: the monthly scheduler's fan-out, and one pack per (contract, month). */
@Injectable()
export class PacksProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(PacksProcessor.name);

  constructor(
    private readonly jobs: JobsService,
    private readonly monthly: IssueMonthlyPacksUseCase,
    private readonly issue: IssuePackUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.jobs.startWorker(
      QUEUES.reports,
      {
        [ReportJobs.issueMonthlyPacks.name]: async () => this.logger.log(await this.monthly.execute(), 'monthly packs queued'),
        [ReportJobs.issueContractPack.name]: async (data) => {
          const job = ReportJobs.issueContractPack.schema.parse(data);
          await this.issue.execute({ ...job, trigger: 'scheduled', correlationId: `pack-${job.contractId}-${job.period}` });
        },
      },
      2,
    );
    await this.jobs.schedule(ReportJobs.issueMonthlyPacks, 'issue-monthly-packs', { pattern: MONTHLY_PACKS_CRON });
  }
}
