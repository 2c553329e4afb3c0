import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { inContractScope, type ContractDefinition, type ReferralFormView, type RpcMeta } from '@mediation/protocol';
import { ContractRepository } from './contract.repository';
import { toReferralFormView } from './referral-form.view';

/** A contract's referral forms, for whoever may refer into it (a referrer only into the contracts they are linked to). */
@Injectable()
export class GetReferralFormUseCase {
  constructor(private readonly contracts: ContractRepository) {}

  async execute(meta: RpcMeta, contractId: string): Promise<ReferralFormView> {
    const contract = await this.contracts.findById(meta.organisationId, contractId);
    if (!contract || !inContractScope(meta, contract.id)) throw ProblemError.notFound('contract', contractId);
    return toReferralFormView(contract, contract.definition as ContractDefinition);
  }
}
