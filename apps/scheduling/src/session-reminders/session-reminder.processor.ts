import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Jobs, JobsService, QUEUES } from '@mediation/jobs';
import { Clock } from '@mediation/platform';
import type { z } from 'zod';
import { RemindSessionUseCase } from './remind-session.use-case';
import { SweepSessionRemindersUseCase } from './sweep-session-reminders.use-case';

/** The BullMQ adapter of session reminders: alarms ring reminders, a scheduler sweeps every 5 minutes. */
@Injectable()
export class SessionReminderProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobsService,
    private readonly remind: RemindSessionUseCase,
    private readonly sweep: SweepSessionRemindersUseCase,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.jobs.startWorker(QUEUES.sessions, {
      [Jobs.remindSession.name]: async (data, _jobId, job) => {
        const { organisationId, sessionId, sequence, reminder } = data as z.infer<typeof Jobs.remindSession.schema>;
        // An alarm that rang a few ms early rings again at its time.
        await this.remind.execute(organisationId, sessionId, sequence, reminder, (at) => job.runAgainAfter(at.getTime() - this.clock.now().getTime()));
      },
      [Jobs.sweepSessionReminders.name]: async () => void (await this.sweep.execute()),
    });
    await this.jobs.schedule(Jobs.sweepSessionReminders, 'sweep-session-reminders', { every: 5 * 60_000 });
  }
}
