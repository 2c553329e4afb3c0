import { Injectable } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import type { CaseView, RpcMeta, TransitionBody } from '@mediation/protocol';
import { CaseworkDatabase } from '../database/casework.database';
import { CaseFinder } from '../cases/case-finder';
import { CaseTransitioner } from './case-transitioner';
import { CaseViewAssembler } from './case-view.assembler';

@Injectable()
export class TransitionCaseUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly book: ContractBook,
    private readonly transitioner: CaseTransitioner,
    private readonly views: CaseViewAssembler,
  ) {}

  execute(meta: RpcMeta, caseId: string, body: TransitionBody): Promise<CaseView> {
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      const updated = await this.transitioner.apply(tx, meta, c, await this.book.caseLine(tx, c), body);
      return this.views.one(tx, updated);
    });
  }
}
