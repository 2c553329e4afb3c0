import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import { DeadlineBreachedV1 } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { DeadlineRepository } from './deadline.repository';

/** The alarm rang: a deadline still pending at its due time is breached, exactly once. */
@Injectable()
export class FireDeadlineUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly deadlines: DeadlineRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(organisationId: string, deadlineId: string): Promise<'breached' | 'not-due' | 'settled' | 'missing'> {
    return this.db.run(async (tx) => {
      const deadline = await this.deadlines.lockById(tx, organisationId, deadlineId);
      if (!deadline) return 'missing';
      if (deadline.status !== 'pending') return 'settled';
      const now = this.clock.now();
      // A stale alarm for a deadline that was moved later; the new alarm will fire it.
      if (deadline.dueAt.getTime() > now.getTime()) return 'not-due';
      const breached = await this.deadlines.markBreached(tx, deadline.id, now);
      await this.events.append(tx, {
        definition: DeadlineBreachedV1,
        data: { deadlineId: breached.id, caseId: breached.caseId, rule: breached.rule, dueAt: breached.dueAt.toISOString(), breachedAt: now.toISOString() },
        subject: breached.id,
        organisationId: breached.organisationId,
        contractId: breached.contractId,
        sequence: breached.version,
        correlationId: `deadline-${breached.id}`,
      });
      return 'breached';
    });
  }
}
