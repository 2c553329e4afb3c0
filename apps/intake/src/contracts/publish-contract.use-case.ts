import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { ContractDetailView, RpcMeta } from '@mediation/protocol';
import { ContractRepository } from './contract.repository';
import { ContractRevisions } from './contract-revisions';

@Injectable()
export class PublishContractUseCase {
  constructor(
    private readonly contracts: ContractRepository,
    private readonly revisions: ContractRevisions,
  ) {}

  async execute(meta: RpcMeta, contractId: string): Promise<ContractDetailView> {
    const current = await this.contracts.findById(meta.organisationId, contractId);
    if (!current) throw ProblemError.notFound('contract', contractId);
    return this.revisions.publishCurrent(meta, current);
  }
}
