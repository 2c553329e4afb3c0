import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import { uuidv7, type DeadlineRule } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { datesOf, type CaseFileRecord } from '../case-files/case-file.repository';
import type { ServiceLineRules } from '../contracts/service-line-rules';
import { DeadlineAlarm } from './deadline-alarm';
import { readClock, reminderTimes, type ClockReading } from './deadline-clock';
import { DeadlineEvents, type Cause } from './deadline-events';
import { DeadlineRepository, type DeadlineRecord } from './deadline.repository';

/** Starts the clocks of every rule whose start event just happened on a case: one deadline per rule, once. */
@Injectable()
export class StartDeadlinesUseCase {
  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly alarm: DeadlineAlarm,
    private readonly events: DeadlineEvents,
  ) {}

  async execute(tx: SchedulingTx, file: CaseFileRecord, lines: ServiceLineRules, started: { event: string; at: (rule: DeadlineRule) => Date }, cause: Cause, context: HandlerContext): Promise<DeadlineRecord[]> {
    const created: DeadlineRecord[] = [];
    for (const rule of lines.rules.filter((r) => r.startEvent === started.event)) {
      const reading = readClock(rule, started.at(rule), datesOf(file), lines.calendar);
      const deadline = await this.deadlines.createUnlessExists(tx, {
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
        ...clockColumns(rule, reading, lines),
      });
      if (!deadline) continue;
      await this.events.set(tx, deadline, cause);
      context.afterCommit(() => this.alarm.set(deadline));
      created.push(deadline);
    }
    return created;
  }
}

/** The columns a clock reading sets: status, start, due time, what it waits for, and when to remind. */
export function clockColumns(rule: Pick<DeadlineRule, 'reminders'>, reading: ClockReading, lines: Pick<ServiceLineRules, 'calendar'>) {
  if (reading.status === 'awaiting-date') return { status: reading.status, startedAt: reading.startedAt, dueAt: null, awaitingField: reading.awaitingField, remindersAt: [] };
  const remindersAt = reminderTimes(rule.reminders, reading.dueAt, lines.calendar).filter((at) => at > reading.startedAt && at < reading.dueAt);
  return { status: reading.status, startedAt: reading.startedAt, dueAt: reading.dueAt, awaitingField: null, remindersAt };
}
