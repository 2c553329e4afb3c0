import { z } from 'zod';
import { CalendarDateSchema } from '../contracts/basis.schema';

/** A month of data returns, `2026-11` (London). */
export const ReturnPeriodSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM')
  .describe('The month the return covers, YYYY-MM (London), e.g. `2026-11`.');

const ContactSchema = z
  .object({
    name: z.string().trim().min(1).max(200).describe('Who at the authority sends the returns.'),
    email: z.email().max(320).describe('Where reminders and missing-return notices are sent.'),
  })
  .strict()
  .describe('The authority’s contact for data returns.');

/** Seed 002: local authorities join the pre-CMH pilot through an expression of interest; each is data on the contract. */
export const AddLocalAuthorityBodySchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe('The authority, e.g. "Kent County Council"; its key (`kent-county-council`) is what activities and KPIs count by.'),
    onboardedOn: CalendarDateSchema.describe('When it joined the programme (not in the future); returns are due for every month from this one.'),
    contact: ContactSchema,
  })
  .strict()
  .describe('A local authority taking part in a contract’s programme.');
export type AddLocalAuthorityBody = z.infer<typeof AddLocalAuthorityBodySchema>;

export const LocalAuthorityViewSchema = z
  .object({
    id: z.uuid().describe('The local authority on this contract.'),
    contractId: z.uuid().describe('The contract.'),
    key: z.string().describe('Its name as a lower-case key, e.g. `kent-county-council` (what activities’ `servedOrganisation` is matched by).'),
    name: z.string().describe('Its name.'),
    onboardedOn: CalendarDateSchema.describe('When it joined the programme.'),
    contact: ContactSchema,
    addedAt: z.iso.datetime({ offset: true }).describe('When it was added on the platform.'),
  })
  .describe('A local authority taking part.');
export type LocalAuthorityView = z.infer<typeof LocalAuthorityViewSchema>;

export const DataReturnRuleSchema = z
  .object({
    dueWorkingDays: z
      .number()
      .int()
      .min(1)
      .max(60)
      .describe('A month’s return is due on this working day after the month ends (England and Wales bank holidays out); the default is 10.'),
    reminderWorkingDaysBefore: z.number().int().min(1).max(20).describe('The contact is reminded this many working days before the due day; the default is 3.'),
  })
  .strict()
  .describe('When a contract’s data returns are due and reminded of. Seed 002 sets no date, so each contract sets its own.');
export type DataReturnRule = z.infer<typeof DataReturnRuleSchema>;

export const LocalAuthorityListSchema = z
  .object({
    dataReturnRule: DataReturnRuleSchema.describe('The contract’s due-date rule (the default until one is set).'),
    items: z.array(LocalAuthorityViewSchema).describe('The authorities, by name.'),
  })
  .describe('The local authorities taking part in a contract.');

export const RecordDataReturnBodySchema = z
  .object({
    period: ReturnPeriodSchema,
    receivedOn: CalendarDateSchema.describe('When the return arrived (not in the future); after the due day it counts as late.'),
  })
  .strict()
  .describe('A data return received from a local authority.');
export type RecordDataReturnBody = z.infer<typeof RecordDataReturnBodySchema>;

export const DATA_RETURN_STATES = ['received', 'late', 'missing', 'awaited'] as const;

export const DataReturnViewSchema = z
  .object({
    localAuthorityId: z.uuid().describe('The local authority.'),
    period: ReturnPeriodSchema,
    dueOn: CalendarDateSchema.describe('When it is due, by the contract’s rule.'),
    state: z
      .enum(DATA_RETURN_STATES)
      .describe('`received` by the due day, `late` after it, `missing` not received with the due day past, `awaited` not received and not yet due.'),
    receivedOn: CalendarDateSchema.nullable().describe('When it arrived; null until then.'),
    remindedAt: z.iso.datetime({ offset: true }).nullable().describe('When the contact was reminded; null if not (yet).'),
    missingNoticeAt: z.iso.datetime({ offset: true }).nullable().describe('When it was reported missing; null if not.'),
  })
  .describe('One month’s data return of one authority.');
export type DataReturnView = z.infer<typeof DataReturnViewSchema>;

export const DataReturnListSchema = z
  .object({ items: z.array(DataReturnViewSchema).describe('Every month from the onboarding month to the last ended one, newest first.') })
  .describe('A local authority’s data returns.');
export type DataReturnList = z.infer<typeof DataReturnListSchema>;

export const LocalAuthorityParamsSchema = z
  .object({ id: z.uuid().describe('The contract id.'), laId: z.uuid().describe('The local authority id.') })
  .describe('Path parameters.');
