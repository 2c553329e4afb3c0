import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { inContractScope, type ContractDetailView, type RpcMeta } from '@mediation/protocol';
import { ContractRepository } from './contract.repository';
import { toContractDetailView } from './contract.view';

@Injectable()
export class GetContractUseCase {
  constructor(private readonly contracts: ContractRepository) {}

  async execute(meta: RpcMeta, contractId: string): Promise<ContractDetailView> {
    const contract = await this.contracts.findById(meta.organisationId, contractId);
    if (!contract || !inContractScope(meta, contract.id)) throw ProblemError.notFound('contract', contractId);
    return toContractDetailView(contract, await this.contracts.versions(meta.organisationId, contractId));
  }
}
