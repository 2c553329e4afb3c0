import { z } from 'zod';
import { defineEvent } from './define-event';

export const CaseOpenedV1 = defineEvent({
  type: 'casework.case.opened.v1',
  description: 'A case was opened from a referral; scheduling starts its clocks and reporting counts it.',
  schema: z
    .object({
      caseId: z.uuid().describe('The case.'),
      referralId: z.uuid().describe('The referral the case was opened from.'),
      reference: z.string().describe('The case reference (the referral reference it came from).'),
      contractId: z.uuid().describe('The contract the case belongs to.'),
      serviceLine: z.string().describe('The service line within the contract.'),
      openedAt: z.iso.datetime({ offset: true }).describe('When the case was opened.'),
    })
    .describe('casework.case.opened.v1 data'),
});
