import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { uuidv7, type AvailabilityExceptionBody, type RpcMeta, type StaffView } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { StaffLineRules } from './staff-line-rules';
import { StaffRepository, toDateColumn } from './staff.repository';

@Injectable()
export class AddAvailabilityExceptionUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly staff: StaffRepository,
    private readonly rules: StaffLineRules,
  ) {}

  execute(meta: RpcMeta, staffId: string, body: AvailabilityExceptionBody): Promise<StaffView> {
    return this.db.forTenant(meta, async (tx) => {
      if (!(await this.staff.find(tx, meta.organisationId, staffId))) throw ProblemError.notFound('member of staff', staffId);
      await this.staff.addException(tx, {
        id: uuidv7(),
        organisationId: meta.organisationId,
        staffId,
        date: toDateColumn(body.date),
        kind: body.kind,
        startTime: body.start ?? null,
        endTime: body.end ?? null,
        reason: body.reason ?? null,
      });
      return this.rules.view(tx, meta, (await this.staff.find(tx, meta.organisationId, staffId))!);
    });
  }
}
