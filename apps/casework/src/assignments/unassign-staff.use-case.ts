import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock, ProblemError } from '@mediation/platform';
import { CaseUnassignedV1, type AssignmentView, type RpcMeta } from '@mediation/protocol';
import { caseEnvelope } from '../cases/case-event';
import { CaseFinder } from '../cases/case-finder';
import { CaseRepository } from '../cases/case.repository';
import { CaseworkDatabase } from '../database/casework.database';
import { AssignmentRepository } from './assignment.repository';
import { toAssignmentView } from './assignment.view';

/** Ends an assignment; the row stays, so the case shows who worked on it and when. */
@Injectable()
export class UnassignStaffUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly cases: CaseRepository,
    private readonly assignments: AssignmentRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, caseId: string, assignmentId: string): Promise<AssignmentView> {
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      const found = await this.assignments.findById(tx, c.id, assignmentId);
      if (!found) throw ProblemError.notFound('assignment on this case', assignmentId);
      if (found.endedAt) throw ProblemError.conflict(`The assignment ended on ${found.endedAt.toISOString()}.`);
      const row = await this.assignments.end(tx, found.id, this.clock.now());
      const updated = await this.cases.update(tx, c, {});
      await this.events.append(tx, {
        definition: CaseUnassignedV1,
        data: { caseId: c.id, contractId: c.contractId, assignmentId: row.id, staffId: row.staffId, endedAt: row.endedAt!.toISOString() },
        ...caseEnvelope(updated, meta.correlationId),
      });
      return toAssignmentView(row);
    });
  }
}
