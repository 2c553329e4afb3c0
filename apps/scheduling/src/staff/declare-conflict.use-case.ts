import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { uuidv7, type DeclareConflictBody, type RpcMeta, type StaffView } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { StaffLineRules } from './staff-line-rules';
import { StaffRepository } from './staff.repository';

@Injectable()
export class DeclareConflictUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly staff: StaffRepository,
    private readonly rules: StaffLineRules,
  ) {}

  execute(meta: RpcMeta, staffId: string, body: DeclareConflictBody): Promise<StaffView> {
    return this.db.forTenant(meta, async (tx) => {
      if (!(await this.staff.find(tx, meta.organisationId, staffId))) throw ProblemError.notFound('member of staff', staffId);
      await this.staff.addConflict(tx, {
        id: uuidv7(),
        organisationId: meta.organisationId,
        staffId,
        partyName: body.partyName ?? null,
        caseId: body.caseId ?? null,
        reason: body.reason,
        declaredBy: meta.actorId,
      });
      return this.rules.view(tx, meta, (await this.staff.find(tx, meta.organisationId, staffId))!);
    });
  }
}
