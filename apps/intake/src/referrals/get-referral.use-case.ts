import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { ReferralView, RpcMeta } from '@mediation/protocol';
import { ReferralRepository } from './referral.repository';
import { toReferralView } from './referral.view';

@Injectable()
export class GetReferralUseCase {
  constructor(private readonly referrals: ReferralRepository) {}

  async execute(meta: RpcMeta, referralId: string): Promise<ReferralView> {
    const referral = await this.referrals.findById(meta.organisationId, referralId);
    if (!referral) throw ProblemError.notFound('referral', referralId);
    return toReferralView(referral);
  }
}
