import { Injectable } from '@nestjs/common';
import type { CaseView, CloseBody, RpcMeta } from '@mediation/protocol';
import { ContractRules } from '../contracts/contract-rules';
import { CaseworkDatabase } from '../database/casework.database';
import { closingTarget } from '../workflow/workflow-machine';
import { CaseFinder } from './case-finder';
import { CaseTransitioner } from './case-transitioner';
import { CaseViewAssembler } from './case-view.assembler';

/** Closes with an outcome along whichever closing move the workflow allows from the current status. */
@Injectable()
export class CloseCaseUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly rules: ContractRules,
    private readonly transitioner: CaseTransitioner,
    private readonly views: CaseViewAssembler,
  ) {}

  execute(meta: RpcMeta, caseId: string, body: CloseBody): Promise<CaseView> {
    return this.db.run(
      async (tx) => {
        const c = await this.finder.lockForChange(tx, meta, caseId);
        const rules = await this.rules.forCase(tx, c);
        const updated = await this.transitioner.apply(tx, meta, c, rules, { ...body, to: closingTarget(rules.workflow, c.status) });
        return this.views.one(tx, updated);
      },
      { organisationId: meta.organisationId },
    );
  }
}
