import { z } from 'zod';
import { CalendarDateSchema } from '../contracts/basis.schema';

export const SummaryQuerySchema = z
  .object({
    contractId: z.uuid().optional().describe('Only this contract.'),
    from: CalendarDateSchema.optional().describe(
      'Count what happened on or after this London date (YYYY-MM-DD): referrals by the day they were received, closures by the day they closed.',
    ),
    to: CalendarDateSchema.optional().describe('Count what happened on or before this London date (YYYY-MM-DD).'),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] })
  .describe('Which contract and which London days to count; any other parameter is refused.');
export type SummaryQuery = z.infer<typeof SummaryQuerySchema>;

export const ContractCountsSchema = z
  .object({
    contractId: z.uuid().describe('The contract.'),
    referralsReceived: z.number().int().describe('Referrals received under the contract.'),
    casesOpened: z.number().int().describe('Cases opened under the contract.'),
    casesOpen: z.number().int().describe('Cases open now, whatever the dates asked.'),
    casesClosed: z.number().int().describe('Closures (a case closed, reopened and closed again counts twice).'),
    casesClosedExpected: z.number().int().describe('Closures with an outcome the contract counts as expected.'),
    casesReopened: z.number().int().describe('Reopenings.'),
    casesReopenedWithin12Months: z.number().int().describe('Reopenings within 12 months of closure: what the reopened-rate KPI counts.'),
    deadlinesBreached: z
      .number()
      .int()
      .describe('Deadlines breached (less breaches taken back when the event that met or cancelled one, recorded late, had happened by its due time).'),
    deadlinesMet: z.number().int().describe('Deadlines met on time.'),
    deadlinesMetLate: z.number().int().describe('Deadlines met after they were breached.'),
    outcomes: z.record(z.string(), z.number().int()).describe('Closures per outcome key.'),
    milestones: z
      .record(z.string(), z.number().int())
      .describe('Milestones reached on the contract’s cases, per milestone (e.g. `workshop.delivered`, `data-return.received`): what the `count` KPIs count.'),
  })
  .describe('Counts for one contract.');

export const SummaryViewSchema = z
  .object({
    contracts: z.array(ContractCountsSchema).describe('One row per contract with any activity (in the dates asked, when asked).'),
    from: CalendarDateSchema.nullable().describe('The first London day counted; null for all time.'),
    to: CalendarDateSchema.nullable().describe('The last London day counted; null for up to now.'),
    generatedAt: z.iso.datetime({ offset: true }).describe('When the summary was read.'),
  })
  .describe('Counts per contract, from the reporting read model.');
export type SummaryView = z.infer<typeof SummaryViewSchema>;
