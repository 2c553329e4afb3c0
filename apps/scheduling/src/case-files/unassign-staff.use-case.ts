import { Injectable } from '@nestjs/common';
import type { CaseUnassignedV1, EventData } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { CaseFileRepository } from './case-file.repository';

/** Someone was taken off a case: its reminders stop going to them. */
@Injectable()
export class UnassignStaffUseCase {
  constructor(private readonly files: CaseFileRepository) {}

  execute(tx: SchedulingTx, organisationId: string, ended: EventData<typeof CaseUnassignedV1>): Promise<void> {
    return this.files.endAssignment(tx, organisationId, ended.assignmentId, new Date(ended.endedAt));
  }
}
