import { z } from 'zod';

export const ContractCountsSchema = z
  .object({
    contractId: z.uuid().describe('The contract.'),
    referralsReceived: z.number().int().describe('Referrals received under the contract.'),
    casesOpened: z.number().int().describe('Cases opened under the contract.'),
    casesOpen: z.number().int().describe('Cases currently open.'),
    deadlinesBreached: z.number().int().describe('Deadlines breached.'),
  })
  .describe('Counts for one contract.');

export const SummaryViewSchema = z
  .object({
    contracts: z.array(ContractCountsSchema).describe('One row per contract with any activity.'),
    generatedAt: z.iso.datetime({ offset: true }).describe('When the summary was read.'),
  })
  .describe('Counts per contract, from the reporting read model.');
export type SummaryView = z.infer<typeof SummaryViewSchema>;
