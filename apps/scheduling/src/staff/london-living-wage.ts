/**
 * The London Living Wage, as dated data: the Living Wage Foundation announces a new hourly rate each
 * autumn (Living Wage Week) and accredited employers pay it by the following 1 May. A line that
 * requires it (seeds/001 Appendix A §11.1) is checked against the newest rate announced by the date,
 * the strict reading; add the next rate here when it is announced.
 */
export interface LivingWageRate {
  announcedOn: string;
  pencePerHour: number;
  source: string;
}

export const LONDON_LIVING_WAGE_RATES: readonly LivingWageRate[] = [
  { announcedOn: '2024-10-23', pencePerHour: 1385, source: 'Living Wage Foundation, London Living Wage 2024/25 (£13.85/h), announced 23 October 2024' },
  { announcedOn: '2025-10-22', pencePerHour: 1480, source: 'Living Wage Foundation, London Living Wage 2025/26 (£14.80/h), announced 22 October 2025; the 2026/27 rate is to confirm' },
];

/** The rate in force on a London date: the newest announced on or before it. */
export function londonLivingWageOn(date: string): LivingWageRate {
  const known = LONDON_LIVING_WAGE_RATES.filter((r) => r.announcedOn <= date).sort((a, b) => b.announcedOn.localeCompare(a.announcedOn));
  return known[0] ?? LONDON_LIVING_WAGE_RATES[0];
}

export interface LivingWageCheck {
  required: boolean;
  ratePence: number;
  rateSince: string;
  meets: boolean;
}

export function checkLivingWage(payRatePence: number, required: boolean, date: string): LivingWageCheck {
  const rate = londonLivingWageOn(date);
  return { required, ratePence: rate.pencePerHour, rateSince: rate.announcedOn, meets: !required || payRatePence >= rate.pencePerHour };
}

export function formatPence(pence: number): string {
  return `£${(pence / 100).toFixed(2)}`;
}
