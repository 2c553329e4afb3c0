import { Injectable } from '@nestjs/common';
import { jobId, Jobs, JobsService, QUEUES } from '@mediation/jobs';
import { Clock } from '@mediation/platform';
import type { DeadlineRecord } from './deadline.repository';

type Alarmed = Pick<DeadlineRecord, 'id' | 'organisationId' | 'dueAt' | 'revision' | 'kind' | 'status' | 'remindersAt' | 'remindersSent'>;

/** The job id of a deadline's alarm at one revision: a moved deadline gets a new id, so the old job can never fire it. */
export const alarmJobId = (deadlineId: string, revision: number) => jobId('deadline', `${deadlineId}-r${revision}`);
export const reminderJobId = (deadlineId: string, revision: number, reminder: number) => jobId('reminder', `${deadlineId}-r${revision}-${reminder}`);

/**
 * The BullMQ side of a deadline: one delayed job at its due time (provider deadlines only; an
 * informational one is never breached) and one per reminder still to send. PostgreSQL stays the
 * truth: every job checks the revision it was set for.
 */
@Injectable()
export class DeadlineAlarm {
  constructor(
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  /** Sets the alarms of the deadline's current revision; setting one that exists is a no-op (deterministic ids). */
  async set(deadline: Alarmed): Promise<void> {
    if (deadline.status !== 'pending' || !deadline.dueAt) return;
    const { organisationId, id: deadlineId, revision } = deadline;
    if (deadline.kind === 'provider') {
      await this.jobs.add(
        Jobs.fireDeadline,
        { deadlineId, organisationId, revision },
        { jobId: alarmJobId(deadlineId, revision), delay: this.delayUntil(deadline.dueAt) },
      );
    }
    for (const { reminder, at } of unsentReminders(deadline)) {
      await this.jobs.add(
        Jobs.remindDeadline,
        { deadlineId, organisationId, revision, reminder },
        { jobId: reminderJobId(deadlineId, revision, reminder), delay: this.delayUntil(at) },
      );
    }
  }

  /** Removes the jobs of an earlier revision; one already running is a no-op anyway, as its revision is stale. */
  async clear(deadline: Pick<DeadlineRecord, 'id' | 'remindersAt'>, revision: number): Promise<void> {
    const queue = this.jobs.queue(QUEUES.deadlines);
    const ids = [alarmJobId(deadline.id, revision), ...deadline.remindersAt.map((_, n) => reminderJobId(deadline.id, revision, n))];
    await Promise.all(ids.map((id) => queue.remove(id).catch(() => 0)));
  }

  private delayUntil(at: Date): number {
    return Math.max(0, at.getTime() - this.clock.now().getTime());
  }
}

/** The reminders of a deadline not sent yet, each with its index (the n in its job id). */
export function unsentReminders(deadline: Pick<DeadlineRecord, 'remindersAt' | 'remindersSent'>): { reminder: number; at: Date }[] {
  return deadline.remindersAt.map((at, reminder) => ({ reminder, at })).filter((r) => !deadline.remindersSent.includes(r.reminder));
}
