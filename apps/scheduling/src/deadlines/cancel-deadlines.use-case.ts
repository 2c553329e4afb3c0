import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { EventData, DeadlineCancelledV1 } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { DeadlineAlarm } from './deadline-alarm';
import { DeadlineEvents, type Cause } from './deadline-events';
import { DeadlineRepository, OPEN_STATUSES, type DeadlineRecord } from './deadline.repository';

export type CancelReason = EventData<typeof DeadlineCancelledV1>['reason'];

/** Ends open clocks without meeting or breaching them, publishes `scheduling.deadline.cancelled.v1` for each, and removes their alarms after commit. */
@Injectable()
export class CancelDeadlinesUseCase {
  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly alarm: DeadlineAlarm,
    private readonly events: DeadlineEvents,
  ) {}

  async execute(tx: SchedulingTx, candidates: DeadlineRecord[], cancel: { at: Date; reason: CancelReason }, cause: Cause, context: HandlerContext): Promise<DeadlineRecord[]> {
    const cancelled: DeadlineRecord[] = [];
    for (const open of candidates.filter((d) => OPEN_STATUSES.includes(d.status))) {
      const updated = await this.deadlines.markCancelled(tx, open.id);
      await this.events.cancelled(tx, updated, cancel.at, cancel.reason, cause);
      context.afterCommit(() => this.alarm.clear(open, open.revision));
      cancelled.push(updated);
    }
    return cancelled;
  }
}
