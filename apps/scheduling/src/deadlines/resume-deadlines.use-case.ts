import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { SchedulingTx } from '../database/scheduling.database';
import { CaseFileRepository } from '../case-files/case-file.repository';
import { ServiceLineRulesReader } from './service-line-rules';
import { CaseLock } from './case-lock';
import { DeadlineAlarm } from './deadline-alarm';
import { DeadlineEvents, type Cause } from './deadline-events';
import { DeadlineRepository, type DeadlineRecord } from './deadline.repository';
import { pausableRule, resumedDueAt } from './paused-clock';
import { clockColumns } from './start-deadlines.use-case';

export interface CaseResume {
  organisationId: string;
  caseId: string;
  pauseId: string;
  resumedAt: Date;
}

/** Thrown when a resume arrives before its pause (they travel on separate consumers); the inbox retries it with backoff. */
export class PauseNotYetSeen extends Error {}

const RESUMED_REASON = 'resumed after a pause of the case';

/**
 * The case's pause ended: each paused clock runs again, due at the end of the London day its remaining
 * days (of the rule's kind) after the resume, with its reminders recomputed under the next revision,
 * and its new alarms set after commit. A resume seen before is a no-op.
 */
@Injectable()
export class ResumeDeadlinesUseCase {
  constructor(
    private readonly lock: CaseLock,
    private readonly files: CaseFileRepository,
    private readonly rules: ServiceLineRulesReader,
    private readonly deadlines: DeadlineRepository,
    private readonly alarm: DeadlineAlarm,
    private readonly events: DeadlineEvents,
  ) {}

  async execute(tx: SchedulingTx, resume: CaseResume, cause: Cause, context: HandlerContext): Promise<DeadlineRecord[]> {
    const { file, clocks: locked } = await this.lock.fileAndClocks(tx, resume.organisationId, resume.caseId);
    if (file.resumedPauseId === resume.pauseId) return [];
    if (file.pauseId !== resume.pauseId) throw new PauseNotYetSeen(`case ${resume.caseId}: pause ${resume.pauseId} has not been seen yet`);
    await this.files.clearPause(tx, file.caseId, resume.pauseId);
    const lines = await this.rules.read(tx, { ...file, correlationId: cause.correlationId });
    const resumed: DeadlineRecord[] = [];
    for (const deadline of locked.filter((d) => d.status === 'paused')) {
      const rule = pausableRule(deadline.ruleDefinition);
      if (!rule || deadline.remainingDays === null) continue;
      // A clock stopped at its own start (the case was paused before it started) runs again from that start, not earlier.
      const runsAgainAt = deadline.pausedAt && deadline.pausedAt.getTime() > resume.resumedAt.getTime() ? deadline.pausedAt : resume.resumedAt;
      const dueAt = resumedDueAt(rule.due, runsAgainAt, deadline.remainingDays, lines.calendar);
      // Reminders count back from the new due time; only those after the resume are kept.
      const { remindersAt, reminderRules } = clockColumns(rule, { status: 'pending', startedAt: runsAgainAt, dueAt }, lines);
      const updated = await this.deadlines.resume(tx, deadline.id, { dueAt, remindersAt, reminderRules });
      if (deadline.dueAt) await this.events.rescheduled(tx, updated, deadline.dueAt, RESUMED_REASON, cause, 'resumed');
      else await this.events.set(tx, updated, cause);
      context.afterCommit(() => this.alarm.set(updated));
      resumed.push(updated);
    }
    return resumed;
  }
}
