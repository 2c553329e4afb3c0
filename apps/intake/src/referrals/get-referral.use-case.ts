import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { inContractScope, type ContractDefinition, type ReferralView, type RpcMeta } from '@mediation/protocol';
import { ContractRepository } from '../contracts/contract.repository';
import { ReferralRepository } from './referral.repository';
import { toReferralView } from './referral.view';

@Injectable()
export class GetReferralUseCase {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly contracts: ContractRepository,
  ) {}

  async execute(meta: RpcMeta, referralId: string): Promise<ReferralView> {
    const referral = await this.referrals.findById(meta.organisationId, referralId);
    if (!referral || !inContractScope(meta, referral.contractId)) throw ProblemError.notFound('referral', referralId);
    // The form of the version the referral was made under says which answers are sensitive.
    const version = await this.contracts.findVersion(meta.organisationId, referral.contractId, referral.contractVersion);
    const line = (version?.definition as ContractDefinition | undefined)?.serviceLines?.find((l) => l.key === referral.serviceLine);
    return toReferralView(referral, line?.form);
  }
}
