import { Injectable } from '@nestjs/common';
import { MetricsService } from '@mediation/platform';
import type { Counter, Histogram } from 'prom-client';
import type { DeadlineRecord } from './deadline.repository';

/**
 * What on-call watches of the deadline engine: how late alarms ring after the due time (the sweeper
 * catching a lost alarm shows here as a minute or more), and the breaches, split by whether the
 * rule's basis is law (a statutory clock) or a contract.
 */
@Injectable()
export class DeadlineMetrics {
  private readonly lateness: Histogram;
  private readonly breaches: Counter;

  constructor(metrics: MetricsService) {
    this.lateness = metrics.histogram(
      'deadline_firing_lateness_seconds',
      'From a deadline’s due time to the moment it was fired (breached or passed)',
      [],
      [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 15, 60, 120, 300],
    );
    this.breaches = metrics.counter('deadlines_breached_total', 'Provider deadlines breached, by whether the rule is statutory (its basis is law)', [
      'statutory',
    ]);
  }

  fired(dueAt: Date, firedAt: Date): void {
    this.lateness.observe(Math.max(0, (firedAt.getTime() - dueAt.getTime()) / 1000));
  }

  breached(deadline: Pick<DeadlineRecord, 'ruleDefinition'>): void {
    const basis = (deadline.ruleDefinition as { basis?: { kind?: string } } | null)?.basis?.kind;
    this.breaches.inc({ statutory: String(basis === 'legal') });
  }
}
