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
    let dueLater: Date | null = null;
    let fired: { dueAt: Date; at: Date; breached?: DeadlineRecord } | null = null;
    const result = await this.db.forTenant(organisationId, async (tx): Promise<FireResult> => {
      const deadline = await this.deadlines.lockById(tx, organisationId, deadlineId);
      if (!deadline) return 'missing';
      if (revision !== undefined && revision !== deadline.revision) return 'stale';
      if (deadline.status !== 'pending' || !deadline.dueAt) return 'settled';
      const now = this.clock.now();
      if (deadline.dueAt.getTime() > now.getTime()) {
        dueLater = deadline.dueAt;
        return 'not-due';
      }
      if (deadline.kind !== 'provider') {
        await this.deadlines.markPassed(tx, deadline.id, now);
        fired = { dueAt: deadline.dueAt, at: now };
        return 'passed';
      }
      const breached = await this.deadlines.markBreached(tx, deadline.id, now);
      fired = { dueAt: deadline.dueAt, at: now, breached };
      await this.events.append(tx, {
        definition: DeadlineBreachedV1,
        data: { deadlineId: breached.id, caseId: breached.caseId, rule: breached.rule, dueAt: deadline.dueAt.toISOString(), breachedAt: now.toISOString() },
        ...envelope(breached, { correlationId: `deadline-${breached.id}` }),
      });
      return 'breached';
    });
    // Counted once committed, so a rolled-back attempt that is retried does not count twice.
    const done = fired as { dueAt: Date; at: Date; breached?: DeadlineRecord } | null;
    if (done) {
      this.metrics.fired(done.dueAt, done.at);
      if (done.breached) this.metrics.breached(done.breached);
    }
    if (dueLater && early) await early(dueLater);
    return result;
  }
}
