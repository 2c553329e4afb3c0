import { z } from 'zod';
import { ReferralPartySchema, ReferrerSchema } from '../events/intake.events';

export const CreateReferralBodySchema = z
  .object({
    contractId: z.uuid().describe('The contract the referral is made under.'),
    serviceLine: z.string().trim().min(1).max(80).optional().describe('The key of the service line within the contract; the contract’s first service line when omitted.'),
    externalReference: z.string().trim().min(1).max(120).optional().describe("The referrer's own reference (claim number, police reference, EHC plan reference)."),
    referrer: ReferrerSchema,
    parties: z.array(ReferralPartySchema).min(1).max(20).describe('The parties to the dispute; at least one.'),
    summary: z.string().trim().min(1).max(10_000).describe('What the dispute is about, in the referrer’s words.'),
    answers: z.record(z.string().max(64), z.unknown()).optional().describe('Answers to the service line’s referral form, keyed by field key; validated against the form of the contract version in force (errors name `answers.<field>`). May be omitted when the form has no required fields.'),
  })
  .strict()
  .describe('A referral to one of the provider’s contracts.');
export type CreateReferralBody = z.infer<typeof CreateReferralBodySchema>;

export const ReferralViewSchema = z
  .object({
    id: z.uuid().describe('The referral id.'),
    reference: z.string().describe('Human reference, quoted in the acknowledgement email.'),
    contractId: z.uuid().describe('The contract.'),
    serviceLine: z.string().describe('The service line.'),
    externalReference: z.string().nullable().describe("The referrer's own reference."),
    status: z.enum(['received']).describe('Where the referral stands.'),
    caseId: z.uuid().nullable().describe('The case opened from the referral, once casework has opened it.'),
    referrer: ReferrerSchema,
    parties: z.array(ReferralPartySchema).describe('The parties.'),
    summary: z.string().describe('The summary given by the referrer.'),
    contractVersion: z.number().int().positive().describe('The contract version the referral was validated against and its case runs under.'),
    answers: z.record(z.string(), z.unknown()).describe('The form answers, without special-category and criminal-offence fields (see `withheldAnswers`).'),
    withheldAnswers: z.array(z.string()).describe('Keys of answered special-category or criminal-offence fields left out of this view.'),
    receivedAt: z.iso.datetime({ offset: true }).describe('When the referral was received.'),
  })
  .describe('A referral as the API shows it.');
export type ReferralView = z.infer<typeof ReferralViewSchema>;

export const ReferralIdParamsSchema = z.object({ id: z.uuid().describe('The referral id.') }).describe('Path parameters.');
