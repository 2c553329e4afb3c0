import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import { uuidv7, type DeadlineRule } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { datesOf, type CaseFileRecord } from '../case-files/case-file.repository';
import type { ServiceLineRules } from './service-line-rules';
import { DeadlineAlarm } from './deadline-alarm';
import { readClock, reminderTimes, type ClockReading } from './deadline-clock';
import { DeadlineEvents, type Cause } from './deadline-events';
import { DeadlineRepository, SETTLED_STATUSES, type DeadlineRecord, type NewDeadline } from './deadline.repository';
import { startingWhilePaused } from './paused-clock';

/**
 * Starts the clocks of every rule whose start event just happened on a case: one deadline per rule,
 * once; a repeating rule starts its next occurrence when the previous one is settled, never a second
 * one while one is still open (so a redelivered or repeated start event adds nothing).
 */
@Injectable()
export class StartDeadlinesUseCase {
  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly alarm: DeadlineAlarm,
    private readonly events: DeadlineEvents,
  ) {}

  async execute(
    tx: SchedulingTx,
    file: CaseFileRecord,
    lines: ServiceLineRules,
    started: {
      event: string;
      at: (rule: DeadlineRule) => Date;
      /** The case file was created in this transaction, so it has no deadline yet to look for. */
      fresh?: boolean;
    },
    cause: Cause,
    context: HandlerContext,
  ): Promise<DeadlineRecord[]> {
    const records: NewDeadline[] = [];
    const starting = lines.rules.filter((r) => r.startEvent === started.event);
    for (const rule of starting) {
      const latest = started.fresh ? null : await this.deadlines.latestOfRule(tx, file.organisationId, file.caseId, rule.key);
      if (latest && !(rule.repeats && SETTLED_STATUSES.includes(latest.status))) continue;
      const reading = readClock(rule, started.at(rule), datesOf(file), lines.calendar);
      records.push({
        id: uuidv7(),
        organisationId: file.organisationId,
        contractId: file.contractId,
        caseId: file.caseId,
        rule: rule.key,
        label: rule.label,
        kind: rule.kind,
        basis: rule.basis.text,
        basisSource: rule.basis.source,
        stopEvent: rule.stopEvent,
        ruleDefinition: rule,
        occurrence: (latest?.occurrence ?? 0) + 1,
        ...startingWhilePaused(clockColumns(rule, reading, lines), rule, file.pausedAt, lines.calendar),
      });
    }
    // Every clock the event starts in one insert; those the case already had come back as nothing.
    const created = await this.deadlines.createUnlessExist(tx, records);
    for (const deadline of created) {
      const rule = starting.find((r) => r.key === deadline.rule)!;
      await this.events.set(tx, deadline, cause);
      if (deadline.status === 'paused') await this.events.paused(tx, deadline, rule.due.kind === 'working-days' ? 'working' : 'calendar', cause);
      context.afterCommit(() => this.alarm.set(deadline));
    }
    return created;
  }
}

/**
 * The columns a clock reading sets: status, start, due time, what it waits for, and when to remind.
 * Only reminders still ahead are kept, so `reminderRules` records which of the rule's reminders each one is.
 */
export function clockColumns(rule: Pick<DeadlineRule, 'reminders'>, reading: ClockReading, lines: Pick<ServiceLineRules, 'calendar'>) {
  if (reading.status === 'awaiting-date')
    return { status: reading.status, startedAt: reading.startedAt, dueAt: null, awaitingField: reading.awaitingField, remindersAt: [], reminderRules: [] };
  const ahead = reminderTimes(rule.reminders, reading.dueAt, lines.calendar)
    .map((at, index) => ({ at, index }))
    .filter(({ at }) => at > reading.startedAt && at < reading.dueAt);
  return {
    status: reading.status,
    startedAt: reading.startedAt,
    dueAt: reading.dueAt,
    awaitingField: null,
    remindersAt: ahead.map((r) => r.at),
    reminderRules: ahead.map((r) => r.index),
  };
}
