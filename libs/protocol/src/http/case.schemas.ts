import { z } from 'zod';

export const DeadlineViewSchema = z
  .object({
    id: z.uuid().describe('The deadline id.'),
    rule: z.string().describe('The rule that set it, e.g. `initial-contact`.'),
    basis: z.string().describe('The legal or contractual basis of the rule.'),
    startedAt: z.iso.datetime({ offset: true }).describe('When the clock started.'),
    dueAt: z.iso.datetime({ offset: true }).describe('When it falls due.'),
    status: z.enum(['pending', 'met', 'breached']).describe('Where it stands.'),
    firedAt: z.iso.datetime({ offset: true }).nullable().describe('When the due time was processed.'),
  })
  .describe('A deadline on a case.');
export type DeadlineView = z.infer<typeof DeadlineViewSchema>;

export const DeadlineListSchema = z.object({ items: z.array(DeadlineViewSchema).describe('The deadlines.') }).describe('Deadlines of a case.');

export const CaseViewSchema = z
  .object({
    id: z.uuid().describe('The case id.'),
    reference: z.string().describe('The case reference.'),
    referralId: z.uuid().describe('The referral it was opened from.'),
    contractId: z.uuid().describe('The contract.'),
    serviceLine: z.string().describe('The service line.'),
    contractVersion: z.number().int().nullable().describe('The contract version the case was opened under; its rules apply to the case.'),
    status: z.enum(['referred']).describe('Where the case stands.'),
    openedAt: z.iso.datetime({ offset: true }).describe('When it was opened.'),
  })
  .describe('A case.');
export type CaseView = z.infer<typeof CaseViewSchema>;

export const CaseWithDeadlinesViewSchema = CaseViewSchema.extend({
  deadlines: z.array(DeadlineViewSchema).describe('The clocks running on the case.'),
}).describe('A case with its deadlines.');
export type CaseWithDeadlinesView = z.infer<typeof CaseWithDeadlinesViewSchema>;

export const CaseIdParamsSchema = z.object({ id: z.uuid().describe('The case id.') }).describe('Path parameters.');
