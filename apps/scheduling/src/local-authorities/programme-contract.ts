import { Injectable } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { ProblemError } from '@mediation/platform';
import { inContractScope, type RpcMeta } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';

/** The contract a programme route names: one the caller may see and the contract book knows, or a 404. */
@Injectable()
export class ProgrammeContract {
  constructor(private readonly book: ContractBook) {}

  async assertKnown(tx: SchedulingTx, meta: RpcMeta, contractId: string): Promise<void> {
    if (!inContractScope(meta, contractId)) throw ProblemError.notFound('contract', contractId);
    if (!(await this.book.latest(tx, meta.organisationId, contractId, meta.correlationId))) throw ProblemError.notFound('contract', contractId);
  }
}
