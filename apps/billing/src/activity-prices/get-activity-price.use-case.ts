import { Injectable } from '@nestjs/common';
import { ActivityTypeCheck, type ActivityTypeRef } from '@mediation/contract-book';
import type { ActivityPriceView, RpcMeta } from '@mediation/protocol';
import { BillingDatabase } from '../database/billing.database';
import { ActivityPriceRepository } from './activity-price.repository';
import { activityPriceView } from './activity-price.view';

/** What each activity of a type costs; not priced (null) when never set. */
@Injectable()
export class GetActivityPriceUseCase {
  constructor(
    private readonly db: BillingDatabase,
    private readonly prices: ActivityPriceRepository,
    private readonly types: ActivityTypeCheck,
  ) {}

  execute(meta: RpcMeta, ref: ActivityTypeRef): Promise<ActivityPriceView> {
    return this.db.forTenant(meta, async (tx) => {
      await this.types.assertKnown(tx, meta, ref);
      return activityPriceView(ref, await this.prices.find(tx, ref));
    });
  }
}
