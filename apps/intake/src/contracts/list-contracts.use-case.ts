import { Injectable } from '@nestjs/common';
import type { RpcMeta } from '@mediation/protocol';
import { ContractRepository } from './contract.repository';
import { toContractView } from './contract.view';

@Injectable()
export class ListContractsUseCase {
  constructor(private readonly contracts: ContractRepository) {}

  async execute(meta: RpcMeta) {
    return { items: (await this.contracts.list(meta.organisationId)).map(toContractView) };
  }
}
