import { Injectable } from '@nestjs/common';
import type { RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseworkDatabase } from '../database/casework.database';
import { MultiAgencyRepository } from './multi-agency.repository';
import { toMultiAgencyView } from './multi-agency.view';

@Injectable()
export class ListMultiAgencyUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly involvements: MultiAgencyRepository,
  ) {}

  execute(meta: RpcMeta, caseId: string) {
    return this.db.forTenant(meta, async (tx) => ({
      items: (await this.involvements.listForCase(tx, (await this.finder.read(tx, meta, caseId)).id)).map(toMultiAgencyView),
    }));
  }
}
