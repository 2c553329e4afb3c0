import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { SchedulingTx } from '../database/scheduling.database';
import { DeadlineAlarm } from './deadline-alarm';
import { DeadlineEvents, type Cause } from './deadline-events';
import { DeadlineRepository, type DeadlineRecord } from './deadline.repository';

/** States a stop event can still meet: a breached clock met afterwards is met late; a paused one, stopped with days left, is met on time. */
const MEETABLE = ['pending', 'awaiting-date', 'paused', 'breached'];

/**
 * Meets the case's deadlines whose stop event happened, at the time it happened; late when that is
 * after the due time. A deadline already met stays as it was, so a redelivered milestone changes nothing.
 */
@Injectable()
export class StopDeadlinesUseCase {
  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly alarm: DeadlineAlarm,
    private readonly events: DeadlineEvents,
  ) {}

  async execute(tx: SchedulingTx, locked: DeadlineRecord[], stop: { event: string; at: Date }, cause: Cause, context: HandlerContext): Promise<DeadlineRecord[]> {
    const met: DeadlineRecord[] = [];
    for (const deadline of locked.filter((d) => d.stopEvent === stop.event && MEETABLE.includes(d.status))) {
      const late = deadline.status === 'breached' || (deadline.status !== 'paused' && deadline.dueAt !== null && stop.at.getTime() > deadline.dueAt.getTime());
      const updated = await this.deadlines.markMet(tx, deadline.id, stop.at, late);
      await this.events.met(tx, updated, cause);
      context.afterCommit(() => this.alarm.clear(deadline, deadline.revision));
      met.push(updated);
    }
    return met;
  }
}
