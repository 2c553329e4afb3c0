import { Injectable } from '@nestjs/common';
import { calendarFor } from '@mediation/calendar';
import { ContractBook } from '@mediation/contract-book';
import { jobId, Jobs, JobsService } from '@mediation/jobs';
import { Clock, onCommit } from '@mediation/platform';
import type { SchedulingTx } from '../database/scheduling.database';
import type { SessionRecord } from './session.repository';
import { LineRemindersRepository } from './line-reminders.repository';
import { sessionReminderTimes } from './session-reminder-times';

/** One reminder of one version of a session: a moved session's reminders get new ids, so the old jobs find a stale sequence and do nothing. */
export const sessionReminderJobId = (sessionId: string, sequence: number, reminder: number) =>
  jobId('session-reminder', `${sessionId}-s${sequence}-${reminder}`);

/**
 * The BullMQ side of session reminders: one delayed job per reminder still ahead, set after the booking
 * or move commits. PostgreSQL stays the truth: the job checks the session's status and sequence, and
 * `session_reminder`'s key makes each reminder go once; the sweep sends what Redis lost.
 */
@Injectable()
export class SessionReminderAlarms {
  constructor(
    private readonly jobs: JobsService,
    private readonly book: ContractBook,
    private readonly clock: Clock,
    private readonly lines: LineRemindersRepository,
  ) {}

  /** The reminder times of the session's line (its own, or the defaults; its closure days are not working days). */
  async times(tx: SchedulingTx, row: SessionRecord): Promise<{ reminder: number; at: Date }[]> {
    const line = await this.book.line(tx, {
      organisationId: row.organisationId,
      contractId: row.contractId,
      contractVersion: row.contractVersion,
      serviceLine: row.serviceLine,
    });
    const own = await this.lines.find(tx, row.contractId, row.serviceLine);
    return sessionReminderTimes(row.startsAt, calendarFor(line?.closureDays), own ?? undefined);
  }

  /** Sets the session's alarms once the caller's transaction commits. */
  async setAfterCommit(tx: SchedulingTx, row: SessionRecord): Promise<void> {
    const now = this.clock.now();
    const ahead = (await this.times(tx, row)).filter((t) => t.at > now);
    onCommit(tx, () => {
      for (const { reminder, at } of ahead)
        void this.jobs
          .add(
            Jobs.remindSession,
            { sessionId: row.id, organisationId: row.organisationId, sequence: row.calendarSequence, reminder },
            { jobId: sessionReminderJobId(row.id, row.calendarSequence, reminder), delay: Math.max(0, at.getTime() - this.clock.now().getTime()) },
          )
          // The sweep sends a reminder whose alarm could not be set.
          .catch(() => undefined);
    });
  }
}
