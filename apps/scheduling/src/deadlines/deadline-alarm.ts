import { Injectable } from '@nestjs/common';
import { jobId, Jobs, JobsService } from '@mediation/jobs';
import { Clock } from '@mediation/platform';

/** The BullMQ side of a deadline: one delayed job per deadline, under a deterministic id. */
@Injectable()
export class DeadlineAlarm {
  constructor(
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  set(deadline: { id: string; organisationId: string; dueAt: Date }): Promise<void> {
    return this.jobs.add(Jobs.fireDeadline, { deadlineId: deadline.id, organisationId: deadline.organisationId }, { jobId: jobId('deadline', deadline.id), delay: this.delayUntil(deadline.dueAt) });
  }

  /** For a deadline whose due time moved: the old alarm goes, a new one is set. */
  reset(deadline: { id: string; organisationId: string; dueAt: Date }): Promise<void> {
    return this.jobs.replace(Jobs.fireDeadline, { deadlineId: deadline.id, organisationId: deadline.organisationId }, { jobId: jobId('deadline', deadline.id), delay: this.delayUntil(deadline.dueAt) });
  }

  private delayUntil(dueAt: Date): number {
    return Math.max(0, dueAt.getTime() - this.clock.now().getTime());
  }
}
