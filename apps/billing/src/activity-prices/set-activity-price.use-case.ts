import { Injectable } from '@nestjs/common';
import { ActivityTypeCheck, type ActivityTypeRef } from '@mediation/contract-book';
import { Clock } from '@mediation/platform';
import type { ActivityPriceBody, ActivityPriceView, RpcMeta } from '@mediation/protocol';
import { BillingDatabase } from '../database/billing.database';
import { ActivityPriceRepository } from './activity-price.repository';
import { activityPriceView } from './activity-price.view';

/**
 * Sets what each activity of a type costs. Per-contract data kept by billing, not in the contract's definition: that rides
 * in the pinned `intake.contract.published.v2`, and a field there needs a v3 with every consumer moved. Activities already
 * charged keep their price; the new one applies to those billed from now on.
 */
@Injectable()
export class SetActivityPriceUseCase {
  constructor(
    private readonly db: BillingDatabase,
    private readonly prices: ActivityPriceRepository,
    private readonly types: ActivityTypeCheck,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, ref: ActivityTypeRef, price: ActivityPriceBody): Promise<ActivityPriceView> {
    return this.db.forTenant(meta, async (tx) => {
      await this.types.assertKnown(tx, meta, ref);
      const row = await this.prices.set(tx, { ...ref, organisationId: meta.organisationId, ...price, updatedAt: this.clock.now() });
      return activityPriceView(ref, row);
    });
  }
}
