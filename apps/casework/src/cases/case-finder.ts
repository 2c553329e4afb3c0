import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { inContractScope, type RpcMeta } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { CaseRepository, type CaseRecord } from './case.repository';

/** The case a request names, locked for a change, or the same 404 whether it is absent or another tenant's. */
@Injectable()
export class CaseFinder {
  constructor(private readonly cases: CaseRepository) {}

  async lockForChange(tx: CaseworkTx, meta: RpcMeta, caseId: string): Promise<CaseRecord> {
    const found = await this.cases.lock(tx, meta.organisationId, caseId);
    if (!found || !inContractScope(meta, found.contractId)) throw ProblemError.notFound('case', caseId);
    return found;
  }

  async read(tx: CaseworkTx, meta: RpcMeta, caseId: string): Promise<CaseRecord> {
    const found = await this.cases.findInTx(tx, meta.organisationId, caseId);
    if (!found || !inContractScope(meta, found.contractId)) throw ProblemError.notFound('case', caseId);
    return found;
  }
}
