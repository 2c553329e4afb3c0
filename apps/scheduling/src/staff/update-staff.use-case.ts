import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { RpcMeta, StaffServiceLine, StaffView, UpdateStaffBody } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { StaffLineRules } from './staff-line-rules';
import { StaffRepository } from './staff.repository';

@Injectable()
export class UpdateStaffUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly staff: StaffRepository,
    private readonly rules: StaffLineRules,
  ) {}

  execute(meta: RpcMeta, staffId: string, changes: UpdateStaffBody): Promise<StaffView> {
    return this.db.forTenant(meta, async (tx) => {
      const current = await this.staff.find(tx, meta.organisationId, staffId);
      if (!current) throw ProblemError.notFound('member of staff', staffId);
      // The London Living Wage is checked on the result: a pay cut or a new London line both count.
      await this.rules.assertAcceptable(
        tx,
        meta,
        changes.serviceLines ?? (current.serviceLines as StaffServiceLine[]),
        changes.payRatePence ?? current.payRatePence,
      );
      if (changes.email && (await this.staff.emailTaken(tx, meta.organisationId, changes.email, staffId)))
        throw ProblemError.conflict(`A member of staff with email ${changes.email} already exists.`);
      return this.rules.view(tx, meta, await this.staff.update(tx, meta.organisationId, staffId, changes));
    });
  }
}
