import { Injectable } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { workflowOf, type CaseView, type CloseBody, type RpcMeta } from '@mediation/protocol';
import { CaseworkDatabase } from '../database/casework.database';
import { closingTarget } from '../workflow/workflow-machine';
import { CaseFinder } from '../cases/case-finder';
import { CaseTransitioner } from './case-transitioner';
import { CaseViewAssembler } from './case-view.assembler';

/** Closes with an outcome along whichever closing move the workflow allows from the current status. */
@Injectable()
export class CloseCaseUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly book: ContractBook,
    private readonly transitioner: CaseTransitioner,
    private readonly views: CaseViewAssembler,
  ) {}

  execute(meta: RpcMeta, caseId: string, body: CloseBody): Promise<CaseView> {
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      const line = await this.book.caseLine(tx, c);
      const updated = await this.transitioner.apply(tx, meta, c, line, { ...body, to: closingTarget(workflowOf(line), c.status) });
      return this.views.one(tx, updated);
    });
  }
}
