import { londonLivingWageOn, upcomingLondonLivingWage } from '@mediation/protocol';

/** The rates themselves are dated data in libs/protocol (`contracts/london-living-wage.ts`), shared with billing's statements. */
export { LONDON_LIVING_WAGE_RATES, londonLivingWageOn, upcomingLondonLivingWage, type LivingWageRate } from '@mediation/protocol';

export interface LivingWageCheck {
  required: boolean;
  ratePence: number;
  /** The implementation date of the rate in force. */
  rateSince: string;
  meets: boolean;
  /** An announced rate not yet payable; `meets` says whether the pay rate already reaches it. */
  upcoming: { ratePence: number; announcedOn: string; payableFrom: string; meets: boolean } | null;
}

export function checkLivingWage(payRatePence: number, required: boolean, date: string): LivingWageCheck {
  const rate = londonLivingWageOn(date);
  const next = upcomingLondonLivingWage(date);
  return {
    required,
    ratePence: rate.pencePerHour,
    rateSince: rate.payableFrom,
    meets: !required || payRatePence >= rate.pencePerHour,
    upcoming: next
      ? { ratePence: next.pencePerHour, announcedOn: next.announcedOn, payableFrom: next.payableFrom, meets: !required || payRatePence >= next.pencePerHour }
      : null,
  };
}

/** The warning for pay that meets today's rate but not an announced one, or null. */
export function livingWageWarning(check: LivingWageCheck, payRatePence: number): string | null {
  if (!check.required || !check.upcoming || check.upcoming.meets) return null;
  return `paid ${formatPence(payRatePence)}/h: the London Living Wage rises to ${formatPence(check.upcoming.ratePence)}/h from ${check.upcoming.payableFrom} (announced ${check.upcoming.announcedOn}); raise the pay rate by then`;
}

export function formatPence(pence: number): string {
  return `£${(pence / 100).toFixed(2)}`;
}
