import { Injectable } from '@nestjs/common';
import { inContractScope, type ContractList, type RpcMeta } from '@mediation/protocol';
import { ContractRepository } from './contract.repository';
import { toContractView } from './contract.view';

@Injectable()
export class ListContractsUseCase {
  constructor(private readonly contracts: ContractRepository) {}

  async execute(meta: RpcMeta): Promise<ContractList> {
    return { items: (await this.contracts.list(meta.organisationId)).filter((c) => inContractScope(meta, c.id)).map(toContractView) };
  }
}
