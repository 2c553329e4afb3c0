import { addDaysToDate, addMonthsToDate, contractYearOf, londonDate } from '@mediation/calendar';
import type { ContractDefinition } from '@mediation/protocol';

export type InvoiceFrequency = 'monthly' | 'quarterly' | 'yearly';
export const MONTHS_PER_PERIOD: Record<InvoiceFrequency, number> = { monthly: 1, quarterly: 3, yearly: 12 };

/** A run of London dates, `from` included and `to` excluded, as invoices and contract years are. */
export interface DateSpan {
  from: string;
  to: string;
}

/** The contract year a London date falls in (libs/calendar, shared with reporting). */
export { contractYearOf };

export const contractYearAt = (periodStart: string | undefined, instant: Date): DateSpan => contractYearOf(periodStart, londonDate(instant));

/** How often the contract is invoiced: its billing section, else its first block line's own frequency, else monthly. */
export function invoiceFrequencyOf(definition: ContractDefinition): InvoiceFrequency {
  if (definition.billing?.invoiceFrequency) return definition.billing.invoiceFrequency;
  const block = definition.serviceLines.map((line) => line.pricing).find((pricing) => pricing?.model === 'block-contract');
  return block?.model === 'block-contract' ? block.invoiceFrequency : 'monthly';
}

/** The billing period a London date falls in: periods run from the contract year's start, one, three or twelve months each. */
export function billingPeriodOf(periodStart: string | undefined, frequency: InvoiceFrequency, date: string): DateSpan & { index: number; count: number } {
  const year = contractYearOf(periodStart, date);
  const step = MONTHS_PER_PERIOD[frequency];
  const count = 12 / step;
  for (let index = 0; index < count; index += 1) {
    const span = { from: addMonthsToDate(year.from, index * step), to: addMonthsToDate(year.from, (index + 1) * step) };
    if (date >= span.from && date < span.to) return { ...span, index, count };
  }
  /* istanbul ignore next: the year's periods cover it */
  throw new Error(`no billing period holds ${date}`);
}

/**
 * The instalment of a yearly price for period `index` of `count`: the year's share up to this period's
 * end less the share up to its start, so the instalments of a year add up to the price to the penny
 * (£299,244.33 quarterly: £74,811.08 three times, then £74,811.09).
 */
export function instalmentPence(annualPence: number, index: number, count: number): number {
  return Math.floor((annualPence * (index + 1)) / count) - Math.floor((annualPence * index) / count);
}

/** The period before the one a London date falls in: what a job on a period's first day invoices. */
export function previousBillingPeriod(periodStart: string | undefined, frequency: InvoiceFrequency, date: string) {
  const current = billingPeriodOf(periodStart, frequency, date);
  return billingPeriodOf(periodStart, frequency, addDaysToDate(current.from, -1));
}

/**
 * When a contract's invoices are drafted: 06:30 London on the first day of each billing period (clear
 * of the 01:00-02:00 clock change). Periods start on the contract's anniversary day; a day past the
 * 28th, which some months lack, runs on the 1st of the next month instead, still after the period ended.
 */
export function invoiceCron(periodStart: string | undefined, frequency: InvoiceFrequency): string {
  const anchor = periodStart ?? '2000-04-01';
  const [month, day] = [Number(anchor.slice(5, 7)), Number(anchor.slice(8, 10))];
  const late = day > 28;
  const runDay = late ? 1 : day;
  const step = MONTHS_PER_PERIOD[frequency];
  if (step === 1) return `30 6 ${runDay} * *`;
  const months = Array.from({ length: 12 / step }, (_, i) => ((month - 1 + i * step + (late ? 1 : 0)) % 12) + 1).sort((a, b) => a - b);
  return `30 6 ${runDay} ${months.join(',')} *`;
}
