import { Injectable } from '@nestjs/common';
import type { CaseList, CaseListQuery, RpcMeta } from '@mediation/protocol';
import { CaseworkDatabase } from '../database/casework.database';
import { CaseRepository } from '../cases/case.repository';
import { CaseViewAssembler } from './case-view.assembler';

@Injectable()
export class ListCasesUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly cases: CaseRepository,
    private readonly views: CaseViewAssembler,
  ) {}

  execute(meta: RpcMeta, query: CaseListQuery): Promise<CaseList> {
    return this.db.forTenant(meta, async (tx) => {
      const rows = await this.cases.list(tx, { ...query, organisationId: meta.organisationId, contractIds: meta.restrictToContracts });
      const page = rows.slice(0, query.limit);
      return { items: await this.views.many(tx, page), nextCursor: rows.length > query.limit ? page[page.length - 1].id : null };
    });
  }
}
