import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { uuidv7, type AddAccreditationBody, type RpcMeta, type StaffView } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { ACCREDITATION_LABELS } from './accreditation-status';
import { StaffLineRules } from './staff-line-rules';
import { StaffRepository, toDateColumn } from './staff.repository';

@Injectable()
export class AddAccreditationUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly staff: StaffRepository,
    private readonly rules: StaffLineRules,
  ) {}

  execute(meta: RpcMeta, staffId: string, body: AddAccreditationBody): Promise<StaffView> {
    return this.db.forTenant(meta, async (tx) => {
      if (!(await this.staff.find(tx, meta.organisationId, staffId))) throw ProblemError.notFound('member of staff', staffId);
      await this.staff.addAccreditation(tx, {
        id: uuidv7(),
        organisationId: meta.organisationId,
        staffId,
        kind: body.kind,
        label: body.label ?? ACCREDITATION_LABELS[body.kind],
        reference: body.reference ?? null,
        issuedOn: toDateColumn(body.issuedAt),
        expiresOn: body.expiresAt ? toDateColumn(body.expiresAt) : null,
      });
      return this.rules.view(tx, meta, (await this.staff.find(tx, meta.organisationId, staffId))!);
    });
  }
}
