import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { uuidv7, type CreateStaffBody, type RpcMeta, type StaffView } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { StaffLineRules } from './staff-line-rules';
import { StaffRepository } from './staff.repository';

@Injectable()
export class CreateStaffUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly staff: StaffRepository,
    private readonly rules: StaffLineRules,
  ) {}

  execute(meta: RpcMeta, body: CreateStaffBody): Promise<StaffView> {
    return this.db.forTenant(meta, async (tx) => {
      await this.rules.assertAcceptable(tx, meta, body.serviceLines, body.payRatePence);
      if (await this.staff.emailTaken(tx, meta.organisationId, body.email))
        throw ProblemError.conflict(`A member of staff with email ${body.email} already exists.`);
      const row = await this.staff.create(tx, {
        id: uuidv7(),
        organisationId: meta.organisationId,
        ...body,
        phone: body.phone ?? null,
        userId: body.userId ?? null,
      });
      return this.rules.view(tx, meta, row);
    });
  }
}
