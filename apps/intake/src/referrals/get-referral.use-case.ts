import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { inContractScope, type ReferralView, type RpcMeta } from '@mediation/protocol';
import { AnswerSealer } from './answer-sealer';
import { ReferralFormLookup } from './referral-form.lookup';
import { ReferralRepository, type ReferralRecord } from './referral.repository';
import { toReferralView } from './referral.view';

@Injectable()
export class GetReferralUseCase {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly forms: ReferralFormLookup,
    private readonly sealer: AnswerSealer,
  ) {}

  async execute(meta: RpcMeta, referralId: string): Promise<ReferralView> {
    return this.view(await this.findInScope(meta, referralId));
  }

  async findInScope(meta: RpcMeta, referralId: string): Promise<ReferralRecord> {
    const referral = await this.referrals.findById(meta.organisationId, referralId);
    if (!referral || !inContractScope(meta, referral.contractId)) throw ProblemError.notFound('referral', referralId);
    return referral;
  }

  /** Only the keys of the sealed answers leave this method; their values stay for the audited read. */
  async view(referral: ReferralRecord): Promise<ReferralView> {
    return toReferralView(referral, await this.forms.formOf(referral), Object.keys(this.sealer.open(referral)));
  }
}
