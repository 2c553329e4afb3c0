/** The limit itself is shared with reporting: libs/protocol `contracts/spend-limit.ts`. */
export { spendLimitOf, type SpendLimit } from '@mediation/protocol';

export const SPEND_THRESHOLDS = [75, 90, 100] as const;
export type SpendThreshold = (typeof SPEND_THRESHOLDS)[number];

/** The thresholds spend has reached: 75% of £2,000,000 is reached at exactly £1,500,000. */
export function thresholdsReached(spentPence: number, limitPence: number): SpendThreshold[] {
  if (limitPence <= 0) return [];
  return SPEND_THRESHOLDS.filter((t) => spentPence * 100 >= t * limitPence);
}
