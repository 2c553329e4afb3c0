import { Injectable } from '@nestjs/common';
import type { ActivityTypeRef } from '@mediation/contract-book';
import type { ActivityPrice } from '../generated/prisma/client';
import type { BillingTx } from '../database/billing.database';

/** The only SQL of activity prices: one row per contract, line and activity type, replaced when set again. */
@Injectable()
export class ActivityPriceRepository {
  set(tx: BillingTx, price: ActivityPrice): Promise<ActivityPrice> {
    const { organisationId, contractId, serviceLine, activityType, pricePence, per, updatedAt } = price;
    return tx.activityPrice.upsert({
      where: { contractId_serviceLine_activityType: { contractId, serviceLine, activityType } },
      create: { organisationId, contractId, serviceLine, activityType, pricePence, per, updatedAt },
      update: { pricePence, per, updatedAt },
    });
  }

  find(tx: BillingTx, ref: ActivityTypeRef): Promise<ActivityPrice | null> {
    return tx.activityPrice.findUnique({ where: { contractId_serviceLine_activityType: ref } });
  }
}
