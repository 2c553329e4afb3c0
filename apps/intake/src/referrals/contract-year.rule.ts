import { addMonthsToDate, atLondonTime, londonDate } from '@mediation/calendar';

/**
 * The contract year a referral falls in, for a yearly case cap: from an anniversary of the contract's
 * start date; a contract with no start date counts in UK financial years (1 April), as public buyers
 * budget by them.
 */
export function contractYear(periodStart: string | undefined, receivedAt: Date): { from: Date; to: Date } {
  const today = londonDate(receivedAt);
  const anchor = periodStart ?? '2000-04-01';
  const [anchorYear] = anchor.split('-').map(Number);
  let years = Number(today.slice(0, 4)) - anchorYear;
  let start = addMonthsToDate(anchor, 12 * years);
  if (start > today) {
    years -= 1;
    start = addMonthsToDate(anchor, 12 * years);
  }
  return { from: atLondonTime(start, '00:00'), to: atLondonTime(addMonthsToDate(anchor, 12 * (years + 1)), '00:00') };
}

/** How many cases a year the fixed price covers, when the line is priced that way and the number is agreed. */
export function includedCasesPerYear(pricing: { model: string; includedCasesPerYear?: number | null } | undefined): number | null {
  return pricing?.model === 'fixed-per-year' && typeof pricing.includedCasesPerYear === 'number' ? pricing.includedCasesPerYear : null;
}
