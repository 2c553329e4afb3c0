import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { CaseView, RpcMeta } from '@mediation/protocol';
import { CaseRepository } from './case.repository';
import { toCaseView } from './case.view';

@Injectable()
export class GetCaseUseCase {
  constructor(private readonly cases: CaseRepository) {}

  async execute(meta: RpcMeta, caseId: string): Promise<CaseView> {
    const found = await this.cases.findById(meta.organisationId, caseId);
    if (!found) throw ProblemError.notFound('case', caseId);
    return toCaseView(found);
  }
}
