import { z } from 'zod';

export const ContractCountsSchema = z
  .object({
    contractId: z.uuid().describe('The contract.'),
    referralsReceived: z.number().int().describe('Referrals received under the contract.'),
    casesOpened: z.number().int().describe('Cases opened under the contract.'),
    casesOpen: z.number().int().describe('Cases currently open.'),
    casesClosed: z.number().int().describe('Closures (a case closed, reopened and closed again counts twice).'),
    casesClosedExpected: z.number().int().describe('Closures with an outcome the contract counts as expected.'),
    casesReopened: z.number().int().describe('Reopenings.'),
    casesReopenedWithin12Months: z.number().int().describe('Reopenings within 12 months of closure: what the reopened-rate KPI counts.'),
    deadlinesBreached: z.number().int().describe('Deadlines breached (less breaches taken back when the event that met or cancelled one, recorded late, had happened by its due time).'),
    deadlinesMet: z.number().int().describe('Deadlines met on time.'),
    deadlinesMetLate: z.number().int().describe('Deadlines met after they were breached.'),
    outcomes: z.record(z.string(), z.number().int()).describe('Closures per outcome key.'),
    milestones: z.record(z.string(), z.number().int()).describe('Milestones reached on the contract’s cases, per milestone (e.g. `workshop.delivered`, `data-return.received`): what the `count` KPIs count.'),
  })
  .describe('Counts for one contract.');

export const SummaryViewSchema = z
  .object({
    contracts: z.array(ContractCountsSchema).describe('One row per contract with any activity.'),
    generatedAt: z.iso.datetime({ offset: true }).describe('When the summary was read.'),
  })
  .describe('Counts per contract, from the reporting read model.');
export type SummaryView = z.infer<typeof SummaryViewSchema>;
