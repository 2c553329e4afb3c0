import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { inContractScope, type CaseView, type RpcMeta } from '@mediation/protocol';
import { CaseRepository } from './case.repository';
import { toCaseView } from './case.view';

@Injectable()
export class GetCaseUseCase {
  constructor(private readonly cases: CaseRepository) {}

  async execute(meta: RpcMeta, caseId: string): Promise<CaseView> {
    const found = await this.cases.findById(meta.organisationId, caseId);
    if (!found || !inContractScope(meta, found.contractId)) throw ProblemError.notFound('case', caseId);
    return toCaseView(found);
  }
}
