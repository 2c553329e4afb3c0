import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Jobs, JobsService, QUEUES } from '@mediation/jobs';
import { WarnExpiringAccreditationsUseCase } from './warn-expiring-accreditations.use-case';

/** The BullMQ adapter for staff: the daily accreditation-expiry warning, at 07:00 London time (clear of the clock-change hour). */
@Injectable()
export class StaffProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobsService,
    private readonly warn: WarnExpiringAccreditationsUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.jobs.startWorker(QUEUES.staff, { [Jobs.warnExpiringAccreditations.name]: async () => void (await this.warn.execute()) }, 1);
    await this.jobs.schedule(Jobs.warnExpiringAccreditations, 'warn-expiring-accreditations', { pattern: '0 7 * * *' });
  }
}
