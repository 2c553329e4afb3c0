import { Injectable } from '@nestjs/common';
import type { CaseAssignedV1, EventData } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { CaseFileRepository } from './case-file.repository';

/** Someone was assigned to a case: the case's reminders go to them from now on. */
@Injectable()
export class AssignStaffUseCase {
  constructor(private readonly files: CaseFileRepository) {}

  execute(tx: SchedulingTx, organisationId: string, assigned: EventData<typeof CaseAssignedV1>): Promise<void> {
    const { assignmentId, caseId, role, staff, assignedAt } = assigned;
    return this.files.addAssignment(tx, {
      assignmentId,
      organisationId,
      caseId,
      staffId: staff.staffId,
      role,
      name: staff.name,
      email: staff.email,
      assignedAt: new Date(assignedAt),
    });
  }
}
