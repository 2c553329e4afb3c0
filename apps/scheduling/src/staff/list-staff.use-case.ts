import { Injectable } from '@nestjs/common';
import type { RpcMeta, StaffList } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { StaffLineRules } from './staff-line-rules';
import { StaffRepository } from './staff.repository';

@Injectable()
export class ListStaffUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly staff: StaffRepository,
    private readonly rules: StaffLineRules,
  ) {}

  execute(meta: RpcMeta): Promise<StaffList> {
    return this.db.forTenant(meta, async (tx) => {
      const items = [];
      for (const row of await this.staff.list(tx, meta.organisationId)) items.push(await this.rules.view(tx, meta, row));
      return { items };
    });
  }
}
