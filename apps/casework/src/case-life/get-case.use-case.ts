import { Injectable } from '@nestjs/common';
import type { CaseView, RpcMeta } from '@mediation/protocol';
import { CaseworkDatabase } from '../database/casework.database';
import { CaseFinder } from '../cases/case-finder';
import { CaseViewAssembler } from './case-view.assembler';

@Injectable()
export class GetCaseUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly views: CaseViewAssembler,
  ) {}

  execute(meta: RpcMeta, caseId: string): Promise<CaseView> {
    return this.db.forTenant(meta, async (tx) => this.views.one(tx, await this.finder.read(tx, meta, caseId)));
  }
}
