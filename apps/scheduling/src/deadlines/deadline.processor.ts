import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Jobs, JobsService, QUEUES } from '@mediation/jobs';
import { Clock } from '@mediation/platform';
import type { z } from 'zod';
import { FireDeadlineUseCase } from './fire-deadline.use-case';
import { RemindDeadlineUseCase } from './remind-deadline.use-case';
import { RestoreDeadlineAlarmsUseCase } from './restore-deadline-alarms.use-case';
import { SweepDeadlinesUseCase } from './sweep-deadlines.use-case';

/** The BullMQ adapter of the deadline engine: alarms fire deadlines and reminders, a scheduler sweeps every minute (re-declared every few minutes by JobsService, and at once when Redis comes back, with every alarm). */
@Injectable()
export class DeadlineProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobsService,
    private readonly fire: FireDeadlineUseCase,
    private readonly remind: RemindDeadlineUseCase,
    private readonly sweep: SweepDeadlinesUseCase,
    private readonly restore: RestoreDeadlineAlarmsUseCase,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.jobs.startWorker(QUEUES.deadlines, {
      [Jobs.fireDeadline.name]: async (data, _jobId, job) => {
        const { organisationId, deadlineId, revision } = data as z.infer<typeof Jobs.fireDeadline.schema>;
        // An alarm that rang a few ms early rings again at the due time rather than waiting for the minute's sweep.
        await this.fire.execute(organisationId, deadlineId, revision, (dueAt) => job.runAgainAfter(dueAt.getTime() - this.clock.now().getTime()));
      },
      [Jobs.remindDeadline.name]: async (data, _jobId, job) => {
        const { organisationId, deadlineId, revision, reminder } = data as z.infer<typeof Jobs.remindDeadline.schema>;
        // A reminder whose alarm rang early is sent at its time, like the deadline's own alarm.
        await this.remind.execute(organisationId, deadlineId, revision, reminder, (at) => job.runAgainAfter(at.getTime() - this.clock.now().getTime()));
      },
      [Jobs.sweepDeadlines.name]: async () => void (await this.sweep.execute()),
    });
    await this.jobs.schedule(Jobs.sweepDeadlines, 'sweep-deadlines', { every: 60_000 });
    // The sweeper only re-sets alarms due in the next few minutes; after Redis lost its data, all of them come back at once.
    this.jobs.onRedisReturn('deadline alarms', () => this.restore.execute());
  }
}
