import { z } from 'zod';
import { CalendarDateSchema } from '../contracts/basis.schema';

export const KpiSpendSchema = z
  .object({
    spentPence: z.number().int().describe('Net spend in the period to date, in pence: what billing’s ledger recorded on its London days (credits subtracted).'),
    limit: z
      .object({
        kind: z.enum(['annual-budget', 'contract-cap']).describe('A yearly budget (seed 004: £250,000) or the contract’s total cap (seed 000: £2,000,000).'),
        pence: z.number().int().describe('The budget or cap, in pence.'),
        from: CalendarDateSchema.nullable().describe(
          'Where spend against it is counted from: the contract year’s first day, or the contract’s start for a cap.',
        ),
        to: CalendarDateSchema.describe('Counted up to this London day: the period’s last day, or today while the period runs.'),
        spentPence: z.number().int().describe('Spend against the budget or cap from `from` to `to`, in pence.'),
        usedPercent: z.number().describe('That spend as a percentage of the budget or cap, to one decimal place.'),
      })
      .nullable()
      .describe('The budget or cap the contract’s spend is measured against; null when it has none.'),
  })
  .describe('What was spent under the contract, from billing’s ledger, beside its KPIs.');
export type KpiSpend = z.infer<typeof KpiSpendSchema>;
