import { Injectable } from '@nestjs/common';
import type { ReferralList, ReferralListQuery, RpcMeta } from '@mediation/protocol';
import { ReferralRepository } from './referral.repository';
import { toReferralSummary } from './referral.view';

/** A page of referrals; a referrer sees only the contracts they are linked to. */
@Injectable()
export class ListReferralsUseCase {
  constructor(private readonly referrals: ReferralRepository) {}

  async execute(meta: RpcMeta, query: ReferralListQuery): Promise<ReferralList> {
    const rows = await this.referrals.list({
      organisationId: meta.organisationId,
      contractId: query.contractId,
      status: query.status,
      contractIds: meta.restrictToContracts,
      cursor: query.cursor,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    return { items: page.map(toReferralSummary), nextCursor: rows.length > query.limit ? page[page.length - 1].id : null };
  }
}
