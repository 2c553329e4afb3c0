import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock, ProblemError } from '@mediation/platform';
import { AssignStaffRequestSchema, CaseAssignedV1, uuidv7, type AssignmentView, type RpcMeta } from '@mediation/protocol';
import type { z } from 'zod';
import { caseEnvelope } from '../cases/case-event';
import { CaseFinder } from '../cases/case-finder';
import { CaseRepository } from '../cases/case.repository';
import { CaseworkDatabase } from '../database/casework.database';
import { AssignmentRepository } from './assignment.repository';
import { toAssignmentView } from './assignment.view';

type AssignStaff = z.infer<typeof AssignStaffRequestSchema>;

@Injectable()
export class AssignStaffUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly cases: CaseRepository,
    private readonly assignments: AssignmentRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, request: AssignStaff): Promise<AssignmentView> {
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, request.caseId);
      if (await this.assignments.findCurrent(tx, c.id, request.staffId, request.role))
        throw ProblemError.conflict(`${request.name} is already assigned to this case as ${request.role}.`);
      const row = await this.assignments.create(tx, {
        id: uuidv7(),
        organisationId: c.organisationId,
        caseId: c.id,
        staffId: request.staffId,
        role: request.role,
        name: request.name,
        email: request.email,
        assignedAt: this.clock.now(),
      });
      const updated = await this.cases.update(tx, c, {});
      await this.events.append(tx, {
        definition: CaseAssignedV1,
        data: {
          caseId: c.id,
          contractId: c.contractId,
          assignmentId: row.id,
          role: request.role,
          staff: { staffId: row.staffId, name: row.name, email: row.email },
          assignedAt: row.assignedAt.toISOString(),
        },
        ...caseEnvelope(updated, meta.correlationId),
      });
      return toAssignmentView(row);
    });
  }
}
