/**
 * The London Living Wage, as dated data. The Living Wage Foundation announces a new hourly rate each
 * autumn (Living Wage Week) and asks accredited employers to pay it as soon as possible and by an
 * implementation date, which in recent years has been 1 May of the following year. A line that requires
 * the London Living Wage (seeds/001 Appendix A §11.1) is checked against the rate in force on the date in
 * question, the newest whose implementation date has come; a rate announced but not yet payable is a
 * warning, never a block. Add each autumn's rate here with both dates when it is announced.
 */
export interface LivingWageRate {
  /** When the Living Wage Foundation announced it. */
  announcedOn: string;
  /** The implementation date: from this London date employers must pay at least this rate. */
  payableFrom: string;
  pencePerHour: number;
  source: string;
}

export const LONDON_LIVING_WAGE_RATES: readonly LivingWageRate[] = [
  {
    announcedOn: '2023-10-24',
    payableFrom: '2024-05-01',
    pencePerHour: 1315,
    source: 'Living Wage Foundation, London Living Wage 2023/24 (£13.15/h), announced 24 October 2023; accredited employers to pay it by 1 May 2024',
  },
  {
    announcedOn: '2024-10-23',
    payableFrom: '2025-05-01',
    pencePerHour: 1385,
    source: 'Living Wage Foundation, London Living Wage 2024/25 (£13.85/h), announced 23 October 2024; accredited employers to pay it by 1 May 2025',
  },
  {
    announcedOn: '2025-10-22',
    payableFrom: '2026-05-01',
    pencePerHour: 1480,
    source:
      'Living Wage Foundation, London Living Wage 2025/26 (£14.80/h), announced 22 October 2025; accredited employers to pay it by 1 May 2026. The 2026/27 rate is to be added when confirmed',
  },
];

const newestFirst = (a: LivingWageRate, b: LivingWageRate) => b.payableFrom.localeCompare(a.payableFrom);

/** The rate employers must pay on a London date: the newest whose implementation date has come. */
export function londonLivingWageOn(date: string): LivingWageRate {
  const inForce = LONDON_LIVING_WAGE_RATES.filter((r) => r.payableFrom <= date).sort(newestFirst);
  return inForce[0] ?? [...LONDON_LIVING_WAGE_RATES].sort(newestFirst).at(-1)!;
}

/** A rate announced by the date that is not payable yet (the warning), or null. */
export function upcomingLondonLivingWage(date: string): LivingWageRate | null {
  return LONDON_LIVING_WAGE_RATES.filter((r) => r.announcedOn <= date && r.payableFrom > date).sort(newestFirst)[0] ?? null;
}

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
