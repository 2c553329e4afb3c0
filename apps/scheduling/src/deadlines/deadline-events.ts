import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { DeadlineMetV1, DeadlineRescheduledV1, DeadlineSetV1 } from '@mediation/protocol';
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
      data: { deadlineId: d.id, caseId: d.caseId, rule: d.rule, basis: d.basis, dueAt: d.dueAt.toISOString(), startedAt: d.startedAt.toISOString(), label: d.label, kind: d.kind as 'provider' | 'informational' },
      ...envelope(d, cause),
    });
  }

  async met(tx: SchedulingTx, d: DeadlineRecord, cause: Cause): Promise<void> {
    if (!d.dueAt || !d.metAt) return;
    await this.events.append(tx, { definition: DeadlineMetV1, data: { deadlineId: d.id, caseId: d.caseId, rule: d.rule, dueAt: d.dueAt.toISOString(), metAt: d.metAt.toISOString(), late: d.late }, ...envelope(d, cause) });
  }

  async rescheduled(tx: SchedulingTx, d: DeadlineRecord, previousDueAt: Date, reason: string, cause: Cause): Promise<void> {
    if (!d.dueAt) return;
    await this.events.append(tx, {
      definition: DeadlineRescheduledV1,
      data: { deadlineId: d.id, caseId: d.caseId, rule: d.rule, dueAt: d.dueAt.toISOString(), previousDueAt: previousDueAt.toISOString(), reason },
      ...envelope(d, cause),
    });
  }
}

export function envelope(d: DeadlineRecord, cause: Cause) {
  return { subject: d.id, organisationId: d.organisationId, contractId: d.contractId, sequence: d.version, correlationId: cause.correlationId, ...(cause.causationId ? { causationId: cause.causationId } : {}) };
}
