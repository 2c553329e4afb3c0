import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { ContractDefinitionSchema, inContractScope, Rpc, type ContractStatus, type RpcMeta } from '@mediation/protocol';
import type { z } from 'zod';
import { ContractRepository } from './contract.repository';

type ContractVersionView = z.infer<typeof Rpc.intake.getContractVersion.response>;

/** One version's definition, for the services that keep a projection of contracts and miss a row. */
@Injectable()
export class GetContractVersionUseCase {
  constructor(private readonly contracts: ContractRepository) {}

  async execute(meta: RpcMeta, contractId: string, version: number): Promise<ContractVersionView> {
    const contract = await this.contracts.findById(meta.organisationId, contractId);
    if (!contract || !inContractScope(meta, contract.id)) throw ProblemError.notFound('contract', contractId);
    const found = await this.contracts.findVersion(meta.organisationId, contractId, version);
    if (!found) throw ProblemError.notFound('contract version', `${contractId} v${version}`);
    return {
      contractId,
      version,
      status: contract.status as ContractStatus,
      template: contract.template,
      definition: ContractDefinitionSchema.parse(found.definition),
    };
  }
}
