import { z } from 'zod';
import { defineEvent } from './define-event';
import { at, CaseEventBase } from './event-bases';

export const CaseAnonymisedV1 = defineEvent({
  type: 'casework.case.anonymised.v1',
  visibility: 'public',
  description:
    'A closed case’s personal data (party names and contacts, note text, communication bodies) was replaced with a marker at the end of its retention period; counts, outcome and dates are kept.',
  schema: CaseEventBase.extend({
    reference: z.string().describe('The case reference (not personal data; kept).'),
    closedAt: at().describe('When the case last closed, or ended without an outcome (withdrawn, rejected): the retention period ran from then.'),
    retentionMonths: z.number().int().positive().describe('The service line’s dataRetentionMonths that was applied.'),
    anonymisedAt: at().describe('When it was anonymised.'),
    counts: z
      .record(z.string(), z.number().int().nonnegative())
      .describe('How many records of each kind were anonymised (parties, notes, communications...), kept for the audit.'),
  }).describe('casework.case.anonymised.v1 data'),
});

export const CaseLegalHoldChangedV1 = defineEvent({
  type: 'casework.case.legal-hold-changed.v1',
  visibility: 'internal',
  description: 'A legal hold on a case was set or released; while held, the case is not anonymised at the end of its retention period.',
  schema: z
    .object({
      caseId: z.uuid().describe('The case.'),
      legalHold: z.boolean().describe('Whether it is now held.'),
      reason: z.string().describe('Why, as given.'),
    })
    .describe('casework.case.legal-hold-changed.v1 data'),
});
