import { Injectable } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import { listScope, type ComplaintsQuery, type ProviderComplaintList, type RpcMeta } from '@mediation/protocol';
import { CaseRepository } from '../cases/case.repository';
import { CaseworkDatabase } from '../database/casework.database';
import { ComplaintRepository } from './complaint.repository';
import { toComplaintView } from './complaint.view';

/** Open complaints across the provider for the monthly performance review (housing spec §10.3), within the caller's contract scope as the cases list applies it. */
@Injectable()
export class ListProviderComplaintsUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly complaints: ComplaintRepository,
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, query: ComplaintsQuery): Promise<ProviderComplaintList> {
    const now = this.clock.now();
    return this.db.forTenant(meta, async (tx) => {
      const rows = await this.complaints.listOpen(tx, meta.organisationId, query.status === 'overdue' ? now : undefined);
      const cases = await this.cases.referencesOf(
        tx,
        meta.organisationId,
        rows.map((r) => r.caseId),
        listScope(meta, query.contractId),
      );
      return {
        items: rows.flatMap((row) => {
          const c = cases.get(row.caseId);
          return c ? [{ ...toComplaintView(row, now), contractId: c.contractId, caseReference: c.reference }] : [];
        }),
      };
    });
  }
}
