import { z } from 'zod';

export const CaseLegalHoldViewSchema = z
  .object({
    caseId: z.uuid().describe('The case.'),
    legalHold: z.boolean().describe('Whether the case is held past its retention period.'),
    legalHoldReason: z.string().nullable().describe('Why it is held (or why the hold was released).'),
    anonymisedAt: z.iso.datetime({ offset: true }).nullable().describe('When the case was anonymised; null while its personal data is kept.'),
  })
  .describe('The retention state of a case.');
export type CaseLegalHoldView = z.infer<typeof CaseLegalHoldViewSchema>;
