/**
 * The London Living Wage, as dated data. The Living Wage Foundation announces a new hourly rate each
 * autumn (Living Wage Week) and asks accredited employers to pay it as soon as possible and by an
 * implementation date, which in recent years has been 1 May of the following year. A line that requires
 * the London Living Wage (seeds/001 Appendix A §11.1) is checked against the rate in force on the date in
 * question, the newest whose implementation date has come; a rate announced but not yet payable is a
 * warning, never a block. Add each autumn's rate here with both dates when it is announced. Scheduling checks
 * pay rates against it; billing checks each mediator's monthly statement (fees over hours worked) against it.
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
