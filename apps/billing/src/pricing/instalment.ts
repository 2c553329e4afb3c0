import type { ContractDefinition, Pricing } from '@mediation/protocol';
import { addDaysToDate, addMonthsToDate } from '@mediation/calendar';
import { contractYearOf, instalmentPence, type billingPeriodOf } from './billing-calendar';

type BillingPeriod = ReturnType<typeof billingPeriodOf>;

export interface Instalment {
  amountPence: number;
  description: string;
}

/** How many contract years the contract runs: from its start to its last day (one when it names no end). */
export function contractYearsOf(period: ContractDefinition['period']): number {
  if (!period?.start || !period.end) return 1;
  let years = 1;
  while (addMonthsToDate(period.start, 12 * years) <= period.end) years += 1;
  return years;
}

/** The part of a fixed fee paid by instalments: the whole fee less what its milestones pay on delivery. */
export function fixedFeeInstalmentBase(pricing: Extract<Pricing, { model: 'fixed-fee' }>): number | null {
  if (pricing.feePence === null) return null;
  return pricing.feePence - pricing.milestones.reduce((sum, m) => sum + (m.pence ?? 0), 0);
}

/**
 * What a line's pricing asks for one billing period, or null when it asks nothing by instalment.
 * Fixed-per-year and block lines: the year's price in equal parts that add up to it to the penny.
 * A fixed fee (seed 002: one fee "for the whole contract") is spread the same way over every billing
 * period of the whole contract, from its start to its end, less what its milestones pay on delivery:
 * £731,000 over a one-year contract invoiced monthly is £60,916.66 or £60,916.67 a month, £731,000 in all.
 */
export function instalmentOf(pricing: Pricing | undefined, definition: Pick<ContractDefinition, 'period'>, period: BillingPeriod): Instalment | null {
  const lastDay = addDaysToDate(period.to, -1);
  if (pricing?.model === 'fixed-per-year' || pricing?.model === 'block-contract') {
    if (pricing.annualPricePence === null) return null;
    const year = contractYearOf(definition.period?.start, period.from);
    return {
      amountPence: instalmentPence(pricing.annualPricePence, period.index, period.count),
      description: `instalment ${period.index + 1} of ${period.count} of the contract year from ${year.from}, for ${period.from} to ${lastDay}`,
    };
  }
  if (pricing?.model !== 'fixed-fee') return null;
  const base = fixedFeeInstalmentBase(pricing);
  if (base === null || base <= 0) return null;
  const start = definition.period?.start;
  const year = contractYearOf(start, period.from);
  const yearIndex = start ? Number(year.from.slice(0, 4)) - Number(start.slice(0, 4)) : 0;
  const total = contractYearsOf(definition.period) * period.count;
  const index = yearIndex * period.count + period.index;
  if (index < 0 || index >= total) return null;
  return {
    amountPence: instalmentPence(base, index, total),
    description: `fixed fee, instalment ${index + 1} of ${total}, for ${period.from} to ${lastDay}`,
  };
}
