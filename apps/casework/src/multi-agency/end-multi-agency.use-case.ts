import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { MultiAgencyView, RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseworkDatabase } from '../database/casework.database';
import { MultiAgencyRepository } from './multi-agency.repository';
import { toMultiAgencyView } from './multi-agency.view';

@Injectable()
export class EndMultiAgencyUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly involvements: MultiAgencyRepository,
  ) {}

  execute(meta: RpcMeta, caseId: string, involvementId: string, to: string): Promise<MultiAgencyView> {
    return this.db.run(
      async (tx) => {
        const c = await this.finder.read(tx, meta, caseId);
        const found = await this.involvements.findById(tx, c.id, involvementId);
        if (!found) throw ProblemError.notFound('multi-agency involvement on this case', involvementId);
        if (found.toDate) throw ProblemError.conflict(`The involvement already ended on ${found.toDate.toISOString().slice(0, 10)}.`);
        const toDate = new Date(`${to}T00:00:00Z`);
        if (toDate < found.fromDate) throw ProblemError.validation([{ field: 'to', message: 'must not be before the day it began', code: 'before_from' }]);
        return toMultiAgencyView(await this.involvements.end(tx, found.id, toDate));
      },
      { organisationId: meta.organisationId },
    );
  }
}
