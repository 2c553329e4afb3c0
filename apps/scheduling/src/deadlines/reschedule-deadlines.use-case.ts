import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import { DeadlineRuleSchema } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { datesOf, type CaseFileRecord } from '../case-files/case-file.repository';
import type { ServiceLineRules } from './service-line-rules';
import { DeadlineAlarm } from './deadline-alarm';
import { datesUsedBy, readClock } from './deadline-clock';
import { DeadlineEvents, type Cause } from './deadline-events';
import { DeadlineRepository, OPEN_STATUSES } from './deadline.repository';
import { dayKindOf, pausableOf, startingWhilePaused } from './paused-clock';
import { clockColumns } from './start-deadlines.use-case';

/** Open clocks move with their dates, and so does a family's date that passed: a corrected decision letter can give it more time. */
const MOVABLE = [...OPEN_STATUSES, 'passed'];

/**
 * Dates on a case changed: every open or paused deadline counting to or from one of them is recomputed.
 * A moved deadline takes the next revision; its old alarm is removed and a new one set under a new job
 * id, and a job of the old revision that still runs finds its revision stale and does nothing. While
 * the case is paused, a pausable clock stays (or, when its date arrives, becomes) paused, with the days
 * from the pause's London date to its new due day left.
 */
@Injectable()
export class RescheduleDeadlinesUseCase {
  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly alarm: DeadlineAlarm,
    private readonly events: DeadlineEvents,
  ) {}

  async execute(tx: SchedulingTx, file: CaseFileRecord, lines: ServiceLineRules, changed: string[], cause: Cause, context: HandlerContext): Promise<number> {
    let moved = 0;
    for (const deadline of await this.deadlines.lockForCase(tx, file.organisationId, file.caseId)) {
      const parsed = DeadlineRuleSchema.safeParse(deadline.ruleDefinition);
      if (!parsed.success || !MOVABLE.includes(deadline.status)) continue;
      const rule = parsed.data;
      const reason = datesUsedBy(rule).filter((f) => changed.includes(f));
      if (reason.length === 0) continue;
      const reading = clockColumns(rule, readClock(rule, deadline.startedAt, datesOf(file), lines.calendar), lines);
      const columns = { pausedAt: null, remainingDays: null, ...startingWhilePaused(reading, rule, file.pausedAt, lines.calendar) };
      if (columns.status === deadline.status && columns.dueAt?.getTime() === deadline.dueAt?.getTime() && columns.remainingDays === deadline.remainingDays)
        continue;
      const { status, startedAt, dueAt, awaitingField, remindersAt, reminderRules, pausedAt, remainingDays } = columns;
      const updated = await this.deadlines.reschedule(tx, deadline.id, {
        status,
        startedAt,
        dueAt,
        awaitingField,
        remindersAt,
        reminderRules,
        pausedAt,
        remainingDays,
      });
      if (deadline.dueAt && updated.dueAt) await this.events.rescheduled(tx, updated, deadline.dueAt, reason.join(', '), cause);
      else await this.events.set(tx, updated, cause);
      // A clock paused from now, or paused with other days left, says so, as it does when the pause stops it.
      const pausable = pausableOf(rule);
      if (updated.status === 'paused' && pausable) await this.events.paused(tx, updated, dayKindOf(pausable.due), cause);
      context.afterCommit(async () => {
        await this.alarm.clear(deadline, deadline.revision);
        await this.alarm.set(updated);
      });
      moved += 1;
    }
    return moved;
  }
}
