import { z } from 'zod';
import { CalendarDateSchema } from '../contracts/basis.schema';
import { KpiPeriodSchema, KpiRequestSchema } from './kpi-report.schemas';

/*
 * The buyer's anonymised list of a contract's cases: references, service lines, London days and what became
 * of each (outcome, clocks, complaints' timescales). No name, address, free text or special-category answer
 * exists in it, because it is read from reporting's facts, which never hold them.
 */

export const ContractCasesRequestSchema = KpiRequestSchema.describe('The anonymised cases of one contract with a fact in one period.');
export type ContractCasesRequest = z.infer<typeof ContractCasesRequestSchema>;

export const AnonymisedCaseSchema = z
  .object({
    reference: z.string().describe('The case reference (never a name).'),
    serviceLine: z.string().describe('The service line key.'),
    contractVersion: z.number().int().nullable().describe('The contract version the case runs under.'),
    receivedOn: CalendarDateSchema.describe('The London day the referral was received.'),
    openedOn: CalendarDateSchema.describe('The London day the case was opened.'),
    status: z.enum(['open', 'closed', 'ended']).describe('Open; closed with an outcome; or ended without one (withdrawn, rejected).'),
    closedOn: CalendarDateSchema.nullable().describe('The London day of its latest closure, if closed.'),
    outcome: z.string().nullable().describe('The outcome key of its latest closure.'),
    expectedOutcome: z.boolean().nullable().describe('Whether that outcome is one the contract expects.'),
    timesReopened: z.number().int().describe('How often it was reopened.'),
    deadlines: z
      .array(
        z
          .object({
            rule: z.string().describe('The clock’s rule key.'),
            dueOn: CalendarDateSchema.nullable().describe('Its London due day.'),
            result: z.enum(['met', 'missed', 'cancelled', 'pending']).describe('What became of it: met, missed, cancelled or still pending.'),
          })
          .describe('One clock.'),
      )
      .describe('Its clocks.'),
    complaints: z
      .array(
        z
          .object({
            receivedOn: CalendarDateSchema.nullable().describe('When the complaint was received.'),
            acknowledgedOn: CalendarDateSchema.nullable().describe('When it was acknowledged.'),
            respondedOn: CalendarDateSchema.nullable().describe('When it was answered.'),
            acknowledgeBy: CalendarDateSchema.nullable().describe('The acknowledgement’s due day under the complaints policy.'),
            respondBy: CalendarDateSchema.nullable().describe('The response’s due day under the complaints policy.'),
          })
          .describe('One complaint, by its dates only.'),
      )
      .describe('Complaints about the service on the case, with their timescales.'),
  })
  .describe('A case as the buyer sees it: no personal data.');
export type AnonymisedCase = z.infer<typeof AnonymisedCaseSchema>;

export const ContractCasesSchema = z
  .object({
    contractId: z.uuid().describe('The contract.'),
    period: KpiPeriodSchema,
    from: CalendarDateSchema.nullable().describe('The first London day of the period; null for the contract to date.'),
    to: CalendarDateSchema.nullable().describe('The last London day of the period; null for the contract to date.'),
    cases: z
      .array(AnonymisedCaseSchema)
      .describe('The cases with a fact in the period (received, opened, closed, a clock due, a milestone, a survey answer), oldest first.'),
  })
  .describe('A contract’s cases for a period, anonymised for the buyer.');
export type ContractCases = z.infer<typeof ContractCasesSchema>;
