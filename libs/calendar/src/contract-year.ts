import { addMonthsToDate } from './london-time';

/**
 * The contract year a London date falls in, `from` included and `to` excluded: from an anniversary of
 * the contract's start date, as intake counts the yearly case cap; a contract with no start date counts
 * in UK financial years (1 April), as public buyers budget by them. Billing invoices and warns by it,
 * reporting shows spend against a yearly budget by it.
 */
export function contractYearOf(periodStart: string | undefined, date: string): { from: string; to: string } {
  const anchor = periodStart ?? '2000-04-01';
  let years = Number(date.slice(0, 4)) - Number(anchor.slice(0, 4));
  if (addMonthsToDate(anchor, 12 * years) > date) years -= 1;
  return { from: addMonthsToDate(anchor, 12 * years), to: addMonthsToDate(anchor, 12 * (years + 1)) };
}
