import type { ActivityTypeRef } from '@mediation/contract-book';
import type { ActivityPriceBody, ActivityPriceView } from '@mediation/protocol';
import type { ActivityPrice } from '../generated/prisma/client';

/** A stored price as the pricing rule reads it; null when the type is not priced. */
export function priceOf(row: ActivityPrice | null): ActivityPriceBody | null {
  return row ? { pricePence: row.pricePence, per: row.per as ActivityPriceBody['per'] } : null;
}

export function activityPriceView(ref: ActivityTypeRef, row: ActivityPrice | null): ActivityPriceView {
  return { ...ref, pricePence: row?.pricePence ?? null, per: (row?.per as ActivityPriceView['per']) ?? null, updatedAt: row?.updatedAt.toISOString() ?? null };
}
