import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import { CaseClosedV1, CaseEndedV1, CaseReopenedV1, CaseStatusChangedV1, uuidv7, workflowOf, type RpcMeta, type ServiceLine } from '@mediation/protocol';
import { AssignmentRepository } from '../assignments/assignment.repository';
import { CertificateRepository } from '../certificates/certificate.repository';
import type { CaseworkTx } from '../database/casework.database';
import { MilestoneRecorder } from '../milestones/milestone-recorder';
import { CasePauseEvents } from '../pauses/case-pause-events';
import { CasePauseRepository } from '../pauses/case-pause.repository';
import { assertWithinReopenWindow } from '../workflow/reopen-window';
import { planTransition, type TransitionRequest } from '../workflow/workflow-machine';
import { caseEnvelope } from '../cases/case-event';
import { CaseRepository, type CaseRecord } from '../cases/case.repository';
import { assertOccurredWithinCase } from '../cases/occurred-at.rule';
import { StatusChangeRepository } from '../cases/status-change.repository';

/** The milestone every move into an ended state reaches; scheduling cancels the case's open clocks on it. */
const CASE_ENDED = 'case.ended';

export interface TransitionInput extends TransitionRequest {
  occurredAt?: string;
  recommendations?: string[];
}

/**
 * Moves a locked case along its line's workflow: the status, its history row, and every event the move
 * means (status changed, its milestone, closed or reopened), all in the caller's transaction.
 */
@Injectable()
export class CaseTransitioner {
  constructor(
    private readonly cases: CaseRepository,
    private readonly history: StatusChangeRepository,
    private readonly assignments: AssignmentRepository,
    private readonly certificates: CertificateRepository,
    private readonly milestones: MilestoneRecorder,
    private readonly pauses: CasePauseRepository,
    private readonly pauseEvents: CasePauseEvents,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async apply(tx: CaseworkTx, meta: RpcMeta, c: CaseRecord, line: ServiceLine, input: TransitionInput): Promise<CaseRecord> {
    const facts = {
      hasCaseManager: await this.assignments.hasCurrent(tx, c.id, 'case-manager'),
      hasCertificate: await this.certificates.existsForCase(tx, c.id),
    };
    const plan = planTransition(workflowOf(line), line.outcomes, c.status, input, facts);
    const now = this.clock.now();
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
    assertOccurredWithinCase(c, line, occurredAt, now);
    if (plan.transition.reopens) assertWithinReopenWindow(c.closedAt, now);

    const closing = plan.to.category === 'closed';
    const ending = plan.to.category === 'ended';
    const updated = await this.cases.update(tx, c, {
      status: plan.to.key,
      // Retention runs from the end as from a closure; leaving the ended state stops it.
      ...(ending ? { endedAt: occurredAt } : plan.from.category === 'ended' ? { endedAt: null } : {}),
      ...(closing ? { outcome: plan.outcome?.key ?? null, closedAt: occurredAt } : {}),
      // Open again: no outcome and no closure date until it closes again (the closure stays in the status history and in reopened.v1).
      ...(plan.transition.reopens ? { outcome: null, closedAt: null, timesReopened: { increment: 1 } } : {}),
    });
    await this.history.create(tx, {
      id: uuidv7(),
      organisationId: c.organisationId,
      caseId: c.id,
      fromStatus: c.status,
      toStatus: plan.to.key,
      reason: input.reason ?? null,
      outcome: plan.outcome?.key ?? null,
      countsAsReopened: plan.transition.reopens ? true : null,
      recommendations: closing && input.recommendations?.length ? input.recommendations : null,
      actorId: meta.actorId,
      changedAt: now,
    });

    const envelope = caseEnvelope(updated, meta.correlationId);
    await this.events.append(tx, {
      ...envelope,
      definition: CaseStatusChangedV1,
      data: {
        caseId: c.id,
        contractId: c.contractId,
        from: c.status,
        to: plan.to.key,
        ...(input.reason ? { reason: input.reason } : {}),
        changedAt: now.toISOString(),
      },
    });
    if (plan.transition.emits)
      await this.milestones.record(tx, updated, { milestone: plan.transition.emits, occurredAt, source: `status:${plan.to.key}` }, meta.correlationId);
    if (ending) await this.publishEnded(tx, updated, plan.transition.emits, occurredAt, meta.correlationId);
    if (closing && plan.outcome) {
      await this.events.append(tx, {
        ...envelope,
        definition: CaseClosedV1,
        data: {
          caseId: c.id,
          contractId: c.contractId,
          serviceLine: c.serviceLine,
          reference: c.reference,
          outcome: plan.outcome.key,
          outcomeExpected: plan.outcome.expected,
          closedAt: occurredAt.toISOString(),
          timesReopened: updated.timesReopened,
        },
      });
    }
    if (plan.transition.reopens && c.closedAt) {
      await this.events.append(tx, {
        ...envelope,
        definition: CaseReopenedV1,
        data: {
          caseId: c.id,
          contractId: c.contractId,
          previouslyClosedAt: c.closedAt.toISOString(),
          reopenedAt: now.toISOString(),
          countsAsReopened: true,
          reason: input.reason ?? '',
        },
      });
    }
    if (closing || ending) await this.endOpenPause(tx, meta, updated, occurredAt);
    return updated;
  }

  /** A case that closes or ends is no longer paused: its pause ends at the closure (never before it began). */
  private async endOpenPause(tx: CaseworkTx, meta: RpcMeta, c: CaseRecord, at: Date): Promise<void> {
    const open = await this.pauses.findOpen(tx, c.id);
    if (!open) return;
    const resumedAt = at.getTime() < open.pausedAt.getTime() ? open.pausedAt : at;
    const ended = await this.pauses.end(tx, open.id, resumedAt);
    await this.pauseEvents.resumed(tx, meta, c, { ...ended, resumedAt });
  }

  /** Every end stops the case's clocks (`case.ended`, whatever the template emits) and starts retention elsewhere (`case.ended.v1`). */
  private async publishEnded(tx: CaseworkTx, ended: CaseRecord, emitted: string | undefined, endedAt: Date, correlationId: string): Promise<void> {
    if (emitted !== CASE_ENDED)
      await this.milestones.record(tx, ended, { milestone: CASE_ENDED, occurredAt: endedAt, source: `status:${ended.status}` }, correlationId);
    await this.events.append(tx, {
      ...caseEnvelope(ended, correlationId),
      definition: CaseEndedV1,
      data: { caseId: ended.id, contractId: ended.contractId, status: ended.status, endedAt: endedAt.toISOString() },
    });
  }
}
