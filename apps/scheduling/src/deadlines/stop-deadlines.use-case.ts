import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { SchedulingTx } from '../database/scheduling.database';
import { DeadlineAlarm } from './deadline-alarm';
import { DeadlineEvents, type Cause } from './deadline-events';
import { DeadlineRepository, OPEN_STATUSES, OVERDUE_STATUSES, type DeadlineRecord } from './deadline.repository';

/** States a stop event can still meet: open ones, and those whose due time went by (met late, or on time when it happened by then). */
const MEETABLE = [...OPEN_STATUSES, ...OVERDUE_STATUSES];

/**
 * Meets the case's deadlines whose stop event happened, at the time it happened, judged by that time
 * and not by when it was recorded: late only when it happened after the due time. A breached clock
 * whose stop event, recorded late, happened by its due time is met on time, and the breach is taken
 * back (`breach-corrected`). A paused clock, stopped with days left, is met on time. A deadline already
 * met stays as it was, so a redelivered milestone changes nothing.
 */
@Injectable()
export class StopDeadlinesUseCase {
  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly alarm: DeadlineAlarm,
    private readonly events: DeadlineEvents,
  ) {}

  async execute(
    tx: SchedulingTx,
    locked: DeadlineRecord[],
    stop: { event: string; at: Date },
    cause: Cause,
    context: HandlerContext,
  ): Promise<DeadlineRecord[]> {
    const met: DeadlineRecord[] = [];
    for (const deadline of locked.filter((d) => d.stopEvent === stop.event && MEETABLE.includes(d.status))) {
      const late = deadline.status !== 'paused' && deadline.dueAt !== null && stop.at.getTime() > deadline.dueAt.getTime();
      const updated = await this.deadlines.markMet(tx, deadline.id, stop.at, late);
      await this.events.met(tx, updated, cause);
      if (deadline.status === 'breached' && !late) await this.events.breachCorrected(tx, updated, deadline.firedAt, stop.at, cause);
      context.afterCommit(() => this.alarm.clear(deadline, deadline.revision));
      met.push(updated);
    }
    return met;
  }
}
