import { Injectable } from '@nestjs/common';
import { EventPublisher, type HandlerContext } from '@mediation/messaging';
import { DeadlineSetV1, uuidv7, type CaseOpenedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { DeadlineAlarm } from './deadline-alarm';
import { RULES_ON_CASE_OPENED } from './deadline-rules';
import { DeadlineRepository } from './deadline.repository';

/** Starts a case's clocks when it opens: one deadline row per rule, and its alarm once committed. */
@Injectable()
export class SetDeadlinesUseCase {
  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly alarm: DeadlineAlarm,
    private readonly events: EventPublisher,
  ) {}

  async execute(tx: SchedulingTx, opened: EventEnvelope<EventData<typeof CaseOpenedV1>>, context: HandlerContext): Promise<void> {
    const startedAt = new Date(opened.data.openedAt);
    for (const rule of RULES_ON_CASE_OPENED) {
      const deadline = await this.deadlines.createUnlessExists(tx, {
        id: uuidv7(),
        organisationId: opened.organisationid,
        contractId: opened.data.contractId,
        caseId: opened.data.caseId,
        rule: rule.rule,
        basis: rule.basis,
        startedAt,
        dueAt: rule.dueFrom(startedAt),
        status: 'pending',
      });
      if (!deadline) continue;
      await this.events.append(tx, {
        definition: DeadlineSetV1,
        data: { deadlineId: deadline.id, caseId: deadline.caseId, rule: deadline.rule, basis: deadline.basis, dueAt: deadline.dueAt.toISOString(), startedAt: startedAt.toISOString() },
        subject: deadline.id,
        organisationId: deadline.organisationId,
        contractId: deadline.contractId,
        sequence: deadline.version,
        correlationId: opened.correlationid,
        causationId: opened.id,
      });
      context.afterCommit(() => this.alarm.set(deadline));
    }
  }
}
