import { Injectable } from '@nestjs/common';
import { listScope, PROVIDER_DEADLINES_LIMIT, type DeadlinesQuery, type ProviderDeadlineList, type RpcMeta } from '@mediation/protocol';
import { CaseFileRepository } from '../case-files/case-file.repository';
import { SchedulingDatabase } from '../database/scheduling.database';
import { DeadlineRepository } from './deadline.repository';
import { toDeadlineView } from './deadline.view';

/**
 * The provider's clocks across its cases: breached on an open case, or due by an instant (My work's
 * "breached, then due in the next 10 working days"); a referrer or commissioner sees only their contracts'.
 */
@Injectable()
export class ListDeadlinesUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly caseFiles: CaseFileRepository,
    private readonly deadlines: DeadlineRepository,
  ) {}

  execute(meta: RpcMeta, query: DeadlinesQuery): Promise<ProviderDeadlineList> {
    const contractIds = listScope(meta, query.contractId);
    return this.db.forTenant(meta, async (tx) => {
      const openCaseIds = await this.caseFiles.openCaseIds(tx, meta.organisationId, contractIds);
      const rows = await this.deadlines.listDueOrBreached(tx, meta.organisationId, {
        openCaseIds,
        dueBefore: new Date(query.dueBefore),
        contractIds,
        limit: PROVIDER_DEADLINES_LIMIT,
      });
      const references = await this.caseFiles.referencesOf(tx, meta.organisationId, [...new Set(rows.map((r) => r.caseId))]);
      return {
        items: rows.map((row) => ({ ...toDeadlineView(row), caseId: row.caseId, caseReference: references.get(row.caseId) ?? '', contractId: row.contractId })),
      };
    });
  }
}
