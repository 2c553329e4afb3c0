import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import { DeadlineBreachedV1 } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { envelope } from './deadline-events';
import { DeadlineMetrics } from './deadline-metrics';
import { DeadlineRepository, type DeadlineRecord } from './deadline.repository';

export type FireResult = 'breached' | 'passed' | 'not-due' | 'settled' | 'stale' | 'missing';

/**
 * The alarm rang: a provider deadline still pending at its due time is breached, exactly once. An
 * alarm set for an earlier revision (the deadline moved since) is stale and does nothing. An
 * informational deadline (someone else's date, found by the sweep) just passes: no breach, no event.
 */
@Injectable()
export class FireDeadlineUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly deadlines: DeadlineRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    private readonly metrics: DeadlineMetrics,
  ) {}

  /** `early` is told the due time when the alarm rang before it (timers run a few ms early), so the alarm can ring again then instead of leaving it to the sweeper. */
  async execute(organisationId: string, deadlineId: string, revision?: number, early?: (dueAt: Date) => Promise<void>): Promise<FireResult> {
    const outcome = await this.db.forTenant(organisationId, async (tx): Promise<Fired> => {
      const deadline = await this.deadlines.lockById(tx, organisationId, deadlineId);
      if (!deadline) return { result: 'missing' };
      if (revision !== undefined && revision !== deadline.revision) return { result: 'stale' };
      if (deadline.status !== 'pending' || !deadline.dueAt) return { result: 'settled' };
      const now = this.clock.now();
      if (deadline.dueAt.getTime() > now.getTime()) return { result: 'not-due', dueLater: deadline.dueAt };
      if (deadline.kind !== 'provider') {
        await this.deadlines.markPassed(tx, deadline.id, now);
        return { result: 'passed', firedLate: { dueAt: deadline.dueAt, at: now } };
      }
      const breached = await this.deadlines.markBreached(tx, deadline.id, now);
      await this.events.append(tx, {
        definition: DeadlineBreachedV1,
        data: { deadlineId: breached.id, caseId: breached.caseId, rule: breached.rule, dueAt: deadline.dueAt.toISOString(), breachedAt: now.toISOString() },
        ...envelope(breached, { correlationId: `deadline-${breached.id}` }),
      });
      return { result: 'breached', firedLate: { dueAt: deadline.dueAt, at: now }, breached };
    });
    // Counted once committed, so a rolled-back attempt that is retried does not count twice.
    if (outcome.firedLate) this.metrics.fired(outcome.firedLate.dueAt, outcome.firedLate.at);
    if (outcome.breached) this.metrics.breached(outcome.breached);
    if (outcome.dueLater && early) await early(outcome.dueLater);
    return outcome.result;
  }
}

/** What one firing did, told back out of its transaction. */
interface Fired {
  result: FireResult;
  /** Not due yet: when it is. */
  dueLater?: Date;
  /** Fired (breached or passed): its due time and when it fired. */
  firedLate?: { dueAt: Date; at: Date };
  breached?: DeadlineRecord;
}
