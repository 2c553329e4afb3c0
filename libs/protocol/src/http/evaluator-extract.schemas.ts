import { z } from 'zod';
import { CalendarDateSchema } from '../contracts/basis.schema';

export const EvaluatorExtractQuerySchema = z
  .object({
    from: CalendarDateSchema.describe('Cases whose referral was received on or after this London date.'),
    to: CalendarDateSchema.describe('... and on or before this London date.'),
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'] })
  .describe('Which referrals the extract covers; any other parameter is refused.');

export const EvaluatorExtractRequestSchema = z
  .object({
    contractId: z.uuid().describe('The contract.'),
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    recipient: z.string().min(1).max(200).describe('Who receives the extract (the caller’s API key or user id): pseudonyms are per (contract, recipient).'),
  })
  .describe('An evaluator extract.');

export const EvaluatorExtractFileSchema = z
  .object({
    filename: z.string().describe('The CSV file name.'),
    contentType: z.literal('text/csv; charset=utf-8').describe('CSV.'),
    base64: z.string().describe('The CSV, base64-encoded.'),
    rows: z.number().int().nonnegative().describe('Cases in it.'),
  })
  .describe('An evaluator extract as CSV.');

/**
 * The columns of the evaluator extract, in order, with what each holds: the data dictionary served beside
 * it. One row per case; no names, addresses, free text or special-category answers; dates as months.
 */
export const EVALUATOR_DICTIONARY = [
  {
    column: 'pseudonym',
    description:
      'HMAC-SHA256 of the case id keyed per (contract, recipient): stable across this recipient’s extracts, different for another recipient, not reversible without the provider’s key.',
  },
  { column: 'service_line', description: 'The service line key of the contract.' },
  { column: 'contract_version', description: 'The contract version the case ran under.' },
  { column: 'referral_month', description: 'The London month the referral was received, YYYY-MM.' },
  { column: 'days_referral_to_open', description: 'Calendar days from receipt to the case opening.' },
  { column: 'contact_made', description: '1 when contact was made with a party, else 0.' },
  { column: 'sessions_held', description: 'Sessions held (milestones `*.held` other than visits).' },
  { column: 'deadlines_met', description: 'Contract deadlines met on time.' },
  { column: 'deadlines_missed', description: 'Contract deadlines missed (breached or met late).' },
  { column: 'multi_agency', description: '1 when a period of multi-agency involvement was recorded, else 0.' },
  { column: 'status', description: '`open`, `closed` or `ended` (withdrawn or rejected) now.' },
  { column: 'closed_month', description: 'The London month of the last closure, YYYY-MM; empty when not closed.' },
  { column: 'days_open_to_close', description: 'Calendar days from opening to the last closure; empty when not closed.' },
  { column: 'outcome', description: 'The outcome key of the last closure (e.g. `agreement-reached`, `completed`); empty when not closed.' },
  { column: 'outcome_expected', description: '1 when that outcome counts as expected under the contract, 0 when not; empty when not closed.' },
  { column: 'reopened', description: 'How often the case was reopened.' },
  { column: 'survey_satisfaction', description: 'Mean `satisfaction` score (1-5) of the survey answers; empty when none.' },
] as const;

export const EvaluatorDictionarySchema = z
  .object({
    columns: z
      .array(z.object({ column: z.string().describe('The CSV column.'), description: z.string().describe('What it holds.') }))
      .describe('The columns, in order.'),
  })
  .describe('The data dictionary of the evaluator extract.');
