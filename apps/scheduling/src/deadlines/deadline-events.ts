import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import {
  DeadlineBreachCorrectedV1,
  DeadlineCancelledV1,
  DeadlineMetV1,
  DeadlinePausedV1,
  DeadlineRescheduledV1,
  DeadlineSetV1,
  type EventData,
} from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import type { DeadlineRecord } from './deadline.repository';

export interface Cause {
  correlationId: string;
  causationId?: string;
}

/** Writes a deadline's events to the outbox, in the transaction that changed it. */
@Injectable()
export class DeadlineEvents {
  constructor(private readonly events: EventPublisher) {}

  async set(tx: SchedulingTx, d: DeadlineRecord, cause: Cause): Promise<void> {
    if (!d.dueAt) return;
    await this.events.append(tx, {
      definition: DeadlineSetV1,
      data: {
        deadlineId: d.id,
        caseId: d.caseId,
        rule: d.rule,
        basis: d.basis,
        dueAt: d.dueAt.toISOString(),
        startedAt: d.startedAt.toISOString(),
        label: d.label,
        kind: d.kind as 'provider' | 'informational',
      },
      ...envelope(d, cause),
    });
  }

  async met(tx: SchedulingTx, d: DeadlineRecord, cause: Cause): Promise<void> {
    if (!d.metAt) return;
    // A clock met while still waiting for its date is met all the same; it just never had a due time.
    await this.events.append(tx, {
      definition: DeadlineMetV1,
      data: { deadlineId: d.id, caseId: d.caseId, rule: d.rule, dueAt: d.dueAt?.toISOString() ?? null, metAt: d.metAt.toISOString(), late: d.late },
      ...envelope(d, cause),
    });
  }

  async cancelled(
    tx: SchedulingTx,
    d: DeadlineRecord,
    cancelledAt: Date,
    reason: EventData<typeof DeadlineCancelledV1>['reason'],
    cause: Cause,
  ): Promise<void> {
    await this.events.append(tx, {
      definition: DeadlineCancelledV1,
      data: { deadlineId: d.id, caseId: d.caseId, rule: d.rule, kind: d.kind as 'provider' | 'informational', cancelledAt: cancelledAt.toISOString(), reason },
      ...envelope(d, cause),
    });
  }

  /** A breach taken back: the meeting or cancelling event, recorded late, happened by the due time. */
  async breachCorrected(tx: SchedulingTx, d: DeadlineRecord, breachedAt: Date | null, occurredAt: Date, cause: Cause): Promise<void> {
    if (!d.dueAt) return;
    await this.events.append(tx, {
      definition: DeadlineBreachCorrectedV1,
      data: {
        deadlineId: d.id,
        caseId: d.caseId,
        rule: d.rule,
        dueAt: d.dueAt.toISOString(),
        breachedAt: (breachedAt ?? d.dueAt).toISOString(),
        now: d.status === 'met' ? 'met' : 'cancelled',
        occurredAt: occurredAt.toISOString(),
      },
      ...envelope(d, cause),
    });
  }

  async rescheduled(
    tx: SchedulingTx,
    d: DeadlineRecord,
    previousDueAt: Date,
    reason: string,
    cause: Cause,
    why: 'dates-changed' | 'resumed' = 'dates-changed',
  ): Promise<void> {
    if (!d.dueAt) return;
    await this.events.append(tx, {
      definition: DeadlineRescheduledV1,
      data: { deadlineId: d.id, caseId: d.caseId, rule: d.rule, dueAt: d.dueAt.toISOString(), previousDueAt: previousDueAt.toISOString(), reason, cause: why },
      ...envelope(d, cause),
    });
  }

  /** A clock stopped by the case's pause, with the days it had left; `dueAt` is when it was due before. */
  async paused(tx: SchedulingTx, d: DeadlineRecord, dayKind: 'calendar' | 'working', cause: Cause): Promise<void> {
    if (!d.dueAt || !d.pausedAt || d.remainingDays === null) return;
    await this.events.append(tx, {
      definition: DeadlinePausedV1,
      data: {
        deadlineId: d.id,
        caseId: d.caseId,
        rule: d.rule,
        dueAt: d.dueAt.toISOString(),
        pausedAt: d.pausedAt.toISOString(),
        remainingDays: d.remainingDays,
        dayKind,
      },
      ...envelope(d, cause),
    });
  }
}

export function envelope(d: DeadlineRecord, cause: Cause) {
  return {
    subject: d.id,
    organisationId: d.organisationId,
    contractId: d.contractId,
    sequence: d.version,
    correlationId: cause.correlationId,
    ...(cause.causationId ? { causationId: cause.causationId } : {}),
  };
}
