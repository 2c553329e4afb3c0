import { Injectable } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { workflowOf, type CaseView, type ReopenBody, type RpcMeta } from '@mediation/protocol';
import { CaseworkDatabase } from '../database/casework.database';
import { reopeningTarget } from '../workflow/workflow-machine';
import { CaseFinder } from '../cases/case-finder';
import { CaseTransitioner } from './case-transitioner';
import { CaseViewAssembler } from './case-view.assembler';

/** Reopens a closed case within 12 months of its closure; it keeps its history and counts as reopened. */
@Injectable()
export class ReopenCaseUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly book: ContractBook,
    private readonly transitioner: CaseTransitioner,
    private readonly views: CaseViewAssembler,
  ) {}

  execute(meta: RpcMeta, caseId: string, body: ReopenBody): Promise<CaseView> {
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      const line = await this.book.caseLine(tx, c);
      const updated = await this.transitioner.apply(tx, meta, c, line, { reason: body.reason, to: reopeningTarget(workflowOf(line), c.status) });
      return this.views.one(tx, updated);
    });
  }
}
