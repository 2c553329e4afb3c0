import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { EventData, DeadlineCancelledV1 } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { DeadlineAlarm } from './deadline-alarm';
import { DeadlineEvents, type Cause } from './deadline-events';
import { DeadlineRepository, OPEN_STATUSES, OVERDUE_STATUSES, type DeadlineRecord } from './deadline.repository';

export type CancelReason = EventData<typeof DeadlineCancelledV1>['reason'];

/** Whether a cancelling event at `at` ends the clock: an open one, or one already overdue when the event (recorded late) happened by its due time. */
const cancellable = (d: DeadlineRecord, at: Date) =>
  OPEN_STATUSES.includes(d.status) || (OVERDUE_STATUSES.includes(d.status) && d.dueAt !== null && at.getTime() <= d.dueAt.getTime());

/**
 * Ends clocks without meeting or breaching them, publishes `scheduling.deadline.cancelled.v1` for
 * each, and removes their alarms after commit. The event is judged by when it happened: a family's
 * decline recorded after the 30-day clock was breached, but made before its due date, cancels it
 * all the same, and the breach is taken back (`breach-corrected`).
 */
@Injectable()
export class CancelDeadlinesUseCase {
  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly alarm: DeadlineAlarm,
    private readonly events: DeadlineEvents,
  ) {}

  async execute(
    tx: SchedulingTx,
    candidates: DeadlineRecord[],
    cancel: { at: Date; reason: CancelReason },
    cause: Cause,
    context: HandlerContext,
  ): Promise<DeadlineRecord[]> {
    const cancelled: DeadlineRecord[] = [];
    for (const open of candidates.filter((d) => cancellable(d, cancel.at))) {
      const updated = await this.deadlines.markCancelled(tx, open.id);
      await this.events.cancelled(tx, updated, cancel.at, cancel.reason, cause);
      if (open.status === 'breached') await this.events.breachCorrected(tx, updated, open.firedAt, cancel.at, cause);
      context.afterCommit(() => this.alarm.clear(open, open.revision));
      cancelled.push(updated);
    }
    return cancelled;
  }
}
