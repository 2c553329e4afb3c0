import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { ContractDefinition, ContractDetailView, RpcMeta } from '@mediation/protocol';
import { ContractRepository } from './contract.repository';
import { ContractRevisions } from './contract-revisions';

/** PUT: the whole definition is replaced, as a new version. */
@Injectable()
export class ReplaceContractUseCase {
  constructor(
    private readonly contracts: ContractRepository,
    private readonly revisions: ContractRevisions,
  ) {}

  async execute(meta: RpcMeta, contractId: string, definition: ContractDefinition): Promise<ContractDetailView> {
    const current = await this.contracts.findById(meta.organisationId, contractId);
    if (!current) throw ProblemError.notFound('contract', contractId);
    return this.revisions.revise(meta, current, definition);
  }
}
