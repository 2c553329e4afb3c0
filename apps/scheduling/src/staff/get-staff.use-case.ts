import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { RpcMeta, StaffView } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { StaffLineRules } from './staff-line-rules';
import { StaffRepository } from './staff.repository';

@Injectable()
export class GetStaffUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly staff: StaffRepository,
    private readonly rules: StaffLineRules,
  ) {}

  /** With `ownedByUserId` (a mediator reading their own profile) someone else's profile is not found. */
  execute(meta: RpcMeta, staffId: string, ownedByUserId?: string): Promise<StaffView> {
    return this.db.forTenant(meta, async (tx) => {
      const row = await this.staff.find(tx, meta.organisationId, staffId);
      if (!row || (ownedByUserId !== undefined && row.userId !== ownedByUserId)) throw ProblemError.notFound('member of staff', staffId);
      return this.rules.view(tx, meta, row);
    });
  }
}
