import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock, ProblemError } from '@mediation/platform';
import { CaseLegalHoldChangedV1, inContractScope, uuidv7, type CaseLegalHoldView, type LegalHoldBody, type RpcMeta } from '@mediation/protocol';
import { CaseworkDatabase } from '../database/casework.database';
import { CaseRetentionRepository, type RetentionState } from './case-retention.repository';

export function toLegalHoldView(state: RetentionState): CaseLegalHoldView {
  return { caseId: state.caseId, legalHold: state.legalHold, legalHoldReason: state.legalHoldReason, anonymisedAt: state.anonymisedAt?.toISOString() ?? null };
}

/** A legal hold keeps a case's data past its retention period, until released; each change is logged. */
@Injectable()
export class SetCaseLegalHoldUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly retention: CaseRetentionRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, caseId: string, body: LegalHoldBody): Promise<CaseLegalHoldView> {
    return this.db.forTenant(meta, async (tx) => {
      const found = await this.retention.findCase(tx, meta.organisationId, caseId);
      if (!found || !inContractScope(meta, found.contractId)) throw ProblemError.notFound('case', caseId);
      const anonymisedAt = (await this.retention.stateOf(tx, meta.organisationId, caseId))?.anonymisedAt;
      // Too late to hold: the data is already gone, and saying otherwise would mislead the court or requester.
      if (anonymisedAt && body.legalHold)
        throw ProblemError.conflict(`Case ${found.reference} was anonymised on ${anonymisedAt.toISOString()}; there is no personal data left to hold.`);
      const now = this.clock.now();
      const updated = await this.retention.setLegalHold(tx, found, body.legalHold, body.reason, now);
      await this.retention.log(tx, {
        id: uuidv7(),
        organisationId: found.organisationId,
        caseId,
        action: body.legalHold ? 'legal-hold-set' : 'legal-hold-released',
        reason: body.reason,
        actorId: meta.actorId,
        occurredAt: now,
      });
      await this.events.append(tx, {
        definition: CaseLegalHoldChangedV1,
        data: { caseId, legalHold: body.legalHold, reason: body.reason },
        subject: caseId,
        organisationId: found.organisationId,
        contractId: found.contractId,
        sequence: updated.case.version,
        correlationId: meta.correlationId,
      });
      return toLegalHoldView(updated.state);
    });
  }
}
