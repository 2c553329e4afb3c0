import { Injectable } from '@nestjs/common';
import type { RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseworkDatabase } from '../database/casework.database';
import { AssignmentRepository } from './assignment.repository';
import { toAssignmentView } from './assignment.view';

@Injectable()
export class ListAssignmentsUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly assignments: AssignmentRepository,
  ) {}

  execute(meta: RpcMeta, caseId: string) {
    return this.db.forTenant(meta, async (tx) => ({
      items: (await this.assignments.listForCase(tx, (await this.finder.read(tx, meta, caseId)).id)).map(toAssignmentView),
    }));
  }
}
