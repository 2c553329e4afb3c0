import { Injectable } from '@nestjs/common';
import type { CaseView, ReopenBody, RpcMeta } from '@mediation/protocol';
import { ContractRules } from '../contracts/contract-rules';
import { CaseworkDatabase } from '../database/casework.database';
import { reopeningTarget } from '../workflow/workflow-machine';
import { CaseFinder } from './case-finder';
import { CaseTransitioner } from './case-transitioner';
import { CaseViewAssembler } from './case-view.assembler';

/** Reopens a closed case within 12 months of its closure; it keeps its history and counts as reopened. */
@Injectable()
export class ReopenCaseUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly rules: ContractRules,
    private readonly transitioner: CaseTransitioner,
    private readonly views: CaseViewAssembler,
  ) {}

  execute(meta: RpcMeta, caseId: string, body: ReopenBody): Promise<CaseView> {
    return this.db.run(
      async (tx) => {
        const c = await this.finder.lockForChange(tx, meta, caseId);
        const rules = await this.rules.forCase(tx, c);
        const updated = await this.transitioner.apply(tx, meta, c, rules, { reason: body.reason, to: reopeningTarget(rules.workflow, c.status) });
        return this.views.one(tx, updated);
      },
      { organisationId: meta.organisationId },
    );
  }
}
