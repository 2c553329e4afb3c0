import { z } from 'zod';
import { REFERRER_TYPES } from '../contracts/service-line.schema';
import { ReferralPartySchema, ReferrerSchema } from '../events/intake.events';

export const ReferrerTypeSchema = z
  .enum(REFERRER_TYPES)
  .describe(
    'What kind of body the referrer is: council, court, police, local-authority, opcc, dfe, cafcass, parent-or-young-person, or other (anyone else, e.g. a member of the public). Required where the service line says who may refer (every shipped template does); a kind it does not take is refused.',
  );

export const CONSENT_METHODS = ['written', 'verbal', 'email', 'online-form'] as const;

export const ConsentGivenSchema = z
  .object({
    givenBy: z.string().trim().min(1).max(200).describe('The name of the person who gave consent.'),
    relationship: z.string().trim().min(1).max(100).describe('Their role or relationship, e.g. "tenant", "parent of the young person", "the person referred".'),
    onBehalfOf: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe(
        'The party it was given for, as named in `parties`, when someone gave it on their behalf (e.g. a landlord organisation’s representative); the party then counts as having consented.',
      ),
    givenAt: z.iso.datetime({ offset: true }).describe('When consent was given (not in the future).'),
    method: z.enum(CONSENT_METHODS).describe('How it was given: written, verbal, email or online-form.'),
    recordedBy: z.string().trim().min(1).max(200).describe('Who recorded it, e.g. the referring officer.'),
  })
  .strict()
  .describe('One person’s consent to the referral.');
export type ConsentGiven = z.infer<typeof ConsentGivenSchema>;

export const CreateReferralBodySchema = z
  .object({
    contractId: z.uuid().describe('The contract the referral is made under.'),
    serviceLine: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .optional()
      .describe('The key of the service line within the contract; the contract’s first service line when omitted.'),
    externalReference: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .optional()
      .describe("The referrer's own reference (claim number, police reference, EHC plan reference)."),
    referrer: ReferrerSchema,
    referrerType: ReferrerTypeSchema.optional(),
    parties: z.array(ReferralPartySchema).min(1).max(20).describe('The parties to the dispute; at least one.'),
    summary: z.string().trim().min(1).max(10_000).describe('What the dispute is about, in the referrer’s words.'),
    answers: z
      .record(z.string().max(64), z.unknown())
      .optional()
      .describe(
        'Answers to the service line’s referral form, keyed by field key; validated against the form of the contract version in force (errors name `answers.<field>`). May be omitted when the form has no required fields.',
      ),
    consent: z
      .array(ConsentGivenSchema)
      .min(1)
      .max(20)
      .optional()
      .describe(
        'The consent given for the referral, one entry per person, as the service line’s consent rule asks (who gives it). Required where the rule says so; a referral without it is rejected naming the rule.',
      ),
    receivedAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe(
        'When the referral really arrived, for one entered late (phoned in on Friday at 17:30, typed in on Monday): its office-hours clocks, duplicate window, contract year and period are judged from it, and the referral records who entered it and when. Not in the future, nor before the contract period began. Only a provider-admin or case manager signed in as themselves may give it (403 otherwise): a referrer’s own system posts as it receives. Now when omitted.',
      ),
  })
  .strict()
  .describe('A referral to one of the provider’s contracts.');
export type CreateReferralBody = z.infer<typeof CreateReferralBodySchema>;

export const REFERRAL_STATUSES = ['received', 'case-opened', 'rejected'] as const;
export const ReferralStatusSchema = z
  .enum(REFERRAL_STATUSES)
  .describe('received: accepted, a case is being opened; case-opened: casework opened its case; rejected: stored but not taken (see `rejection`).');

export const REJECTION_CODES = ['contract-not-active', 'outside-scope', 'no-consent', 'referrer-not-allowed'] as const;
export const RejectionSchema = z
  .object({
    code: z
      .enum(REJECTION_CODES)
      .describe(
        'Why: contract-not-active, outside-scope (the service line is not in the contract), no-consent, or referrer-not-allowed (the line does not take referrals from that kind of referrer).',
      ),
    reason: z.string().describe('The reason in words, quoting the rule where there is one.'),
  })
  .describe('Why the referral was rejected.');
export type Rejection = z.infer<typeof RejectionSchema>;

export const DUPLICATE_REASONS = ['external-reference', 'parties-and-address'] as const;
export const PossibleDuplicateSchema = z
  .object({
    referralId: z.uuid().describe('The earlier referral.'),
    reference: z.string().describe('Its reference.'),
    reason: z.enum(DUPLICATE_REASONS).describe('What matched: the same external reference, or the same parties and address within the window.'),
  })
  .describe('An earlier referral this one may duplicate.');
export type PossibleDuplicate = z.infer<typeof PossibleDuplicateSchema>;

const ReferralFields = {
  id: z.uuid().describe('The referral id.'),
  reference: z.string().describe('Human reference, quoted in the acknowledgement email.'),
  contractId: z.uuid().describe('The contract.'),
  serviceLine: z.string().describe('The service line.'),
  externalReference: z.string().nullable().describe("The referrer's own reference."),
  referrerType: ReferrerTypeSchema.nullable().describe('What kind of body referred; null on referrals made before it was asked.'),
  status: ReferralStatusSchema,
  rejection: RejectionSchema.nullable().describe('Why it was rejected; null unless `status` is rejected.'),
  caseId: z.uuid().nullable().describe('The case opened from the referral, once casework has opened it.'),
  possibleDuplicateOf: z.array(PossibleDuplicateSchema).describe('Earlier referrals it may duplicate; it is accepted and linked, never dropped.'),
  overCap: z.boolean().describe('True when it is beyond the cases a year the fixed price covers, so the per-case price applies.'),
  legalHold: z.boolean().describe('True while a legal hold stops its anonymisation.'),
  heldByCase: z
    .boolean()
    .describe(
      'True while its case is under a legal hold (PUT /v1/cases/:id/legal-hold), which also stops the referral’s anonymisation; apart from `legalHold`, the referral’s own, so releasing one leaves the other.',
    ),
  receivedAt: z.iso
    .datetime({ offset: true })
    .describe('When the referral was received: when it was entered, or the earlier time the person entering it gave.'),
  clockStartsAt: z.iso
    .datetime({ offset: true })
    .describe('When its office-hours clocks start: `receivedAt`, or the next opening when it arrived outside office hours.'),
  enteredAt: z.iso.datetime({ offset: true }).describe('When it was entered; later than `receivedAt` when it was entered late.'),
  enteredBy: z.string().nullable().describe('Who entered it (`user:<id>` or `api-key:<id>`); null on referrals entered before this was recorded.'),
};

export const ReferralViewSchema = z
  .object({
    ...ReferralFields,
    referrer: ReferrerSchema,
    parties: z.array(ReferralPartySchema).describe('The parties.'),
    summary: z.string().describe('The summary given by the referrer.'),
    contractVersion: z.number().int().positive().describe('The contract version the referral was validated against and its case runs under.'),
    answers: z.record(z.string(), z.unknown()).describe('The form answers, without special-category and criminal-offence fields (see `withheldAnswers`).'),
    withheldAnswers: z.array(z.string()).describe('Keys of answered special-category or criminal-offence fields left out of this view.'),
    consent: z.array(ConsentGivenSchema).describe('The consent recorded with the referral.'),
  })
  .describe('A referral as the API shows it.');
export type ReferralView = z.infer<typeof ReferralViewSchema>;

export const ReferralSummarySchema = z.object(ReferralFields).describe('A referral in a list, without its parties, answers or consent.');
export type ReferralSummary = z.infer<typeof ReferralSummarySchema>;

export const ReferralIdParamsSchema = z.object({ id: z.uuid().describe('The referral id.') }).describe('Path parameters.');

export const ReferralListQuerySchema = z
  .object({
    contractId: z.uuid().optional().describe('Only referrals to this contract.'),
    status: ReferralStatusSchema.optional(),
    cursor: z.uuid().optional().describe('The `nextCursor` of the previous page.'),
    limit: z.coerce.number().int().min(1).max(200).default(50).describe('Referrals per page (1-200, default 50).'),
  })
  .strict()
  .describe('Filters and paging for the referral list.');
export type ReferralListQuery = z.infer<typeof ReferralListQuerySchema>;

export const ReferralListSchema = z
  .object({
    items: z.array(ReferralSummarySchema).describe('The referrals, newest first.'),
    nextCursor: z.uuid().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
  })
  .describe('A page of referrals.');
export type ReferralList = z.infer<typeof ReferralListSchema>;

export const SensitiveAnswersViewSchema = z
  .object({
    referralId: z.uuid().describe('The referral.'),
    answers: z.record(z.string(), z.unknown()).describe('The special-category and criminal-offence answers, keyed by field.'),
    fields: z
      .array(
        z
          .object({
            key: z.string().describe('Field key.'),
            label: z.string().describe('Field label.'),
            sensitivity: z.enum(['special-category', 'criminal-offence']).describe('Which kind of protected data.'),
          })
          .describe('A sensitive field of the form.'),
      )
      .describe('The sensitive fields of the form, so the answers can be labelled.'),
  })
  .describe('The answers withheld from the referral view; every read is audited with its reason.');
export type SensitiveAnswersView = z.infer<typeof SensitiveAnswersViewSchema>;

export const LegalHoldBodySchema = z
  .object({
    legalHold: z.boolean().describe('true to hold the referral’s data past its retention period; false to release it.'),
    reason: z.string().trim().min(5).max(1000).describe('Why, e.g. the litigation or request it is held for.'),
  })
  .strict()
  .describe('Set or release a legal hold.');
export type LegalHoldBody = z.infer<typeof LegalHoldBodySchema>;

/** A UK postcode, as intake's form fields take it (any case, with or without the space). */
const UK_POSTCODE = /^(GIR ?0AA|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})$/i;

/** The ways to name the person; no refinement here, so the HTTP query can extend it. */
export const SubjectAccessFieldsSchema = z.object({
  email: z
    .email()
    .max(320)
    .optional()
    .describe('The email address of the person whose data is exported (as a party, a referrer or staff). Give this, or `name` and `postcode`.'),
  name: z
    .string()
    .trim()
    .min(2)
    .max(200)
    .optional()
    .describe('The person’s name as recorded on a referral or case (case and spacing ignored), for someone without an email address; with `postcode`.'),
  postcode: z
    .string()
    .trim()
    .regex(UK_POSTCODE, 'must be a UK postcode')
    .optional()
    .describe('The postcode of the address the referral or party record gives, with `name`, e.g. `SE1 7PB`.'),
  referralIds: z
    .array(z.uuid())
    .max(1000)
    .optional()
    .describe(
      'Set by the gateway, never by callers: the referrals intake found naming the person by name and postcode, so casework (which keeps no referral answers) finds the cases opened from them.',
    ),
});

/** Exactly one way to name the person: an email, or a name with a postcode; a problem names the field to fix. */
export function checkSubjectAccessFields(query: { email?: string; name?: string; postcode?: string }, ctx: z.RefinementCtx): void {
  const byName = query.name !== undefined || query.postcode !== undefined;
  if (query.email !== undefined && byName)
    ctx.addIssue({ code: 'custom', path: [query.name !== undefined ? 'name' : 'postcode'], message: 'give either email, or name and postcode, not both' });
  else if (query.email === undefined && !byName)
    ctx.addIssue({ code: 'custom', path: ['email'], message: 'is required (or name and postcode, for a person without an email address)' });
  else if (byName && query.name === undefined) ctx.addIssue({ code: 'custom', path: ['name'], message: 'is required with postcode' });
  else if (byName && query.postcode === undefined) ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'is required with name' });
}

/** How names are compared when finding a person: case and runs of spaces ignored, the same in every service. */
export const normalisePersonName = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();
/** How postcodes are compared: upper case without spaces (`se1 7pb` is `SE17PB`). */
export const normalisePostcode = (postcode: string): string => postcode.replace(/\s+/g, '').toUpperCase();

export const SubjectAccessQuerySchema = SubjectAccessFieldsSchema.strict()
  .superRefine(checkSubjectAccessFields)
  .describe('Whose data to export: an email, or a name with a postcode.');
export type SubjectAccessQuery = z.infer<typeof SubjectAccessQuerySchema>;

export const IntakePersonExportSchema = z
  .object({
    referrals: z
      .array(
        z
          .object({
            referralId: z.uuid().describe('The referral.'),
            reference: z.string().describe('Its reference.'),
            contractId: z.uuid().describe('The contract.'),
            serviceLine: z.string().describe('The service line.'),
            capacity: z.array(z.enum(['party', 'referrer', 'consent'])).describe('How the person appears in it.'),
            status: ReferralStatusSchema,
            receivedAt: z.iso.datetime({ offset: true }).describe('When it was received.'),
            referrer: ReferrerSchema,
            parties: z.array(ReferralPartySchema).describe('The parties named.'),
            summary: z.string().describe('The summary given by the referrer.'),
            answers: z
              .record(z.string(), z.unknown())
              .describe('Every form answer, including special-category and criminal-offence ones (the person is entitled to them).'),
            consent: z.array(ConsentGivenSchema).describe('The consent recorded.'),
          })
          .describe('A referral that names the person.'),
      )
      .describe('Referrals naming the person.'),
  })
  .describe('What intake holds about one person.');
export type IntakePersonExport = z.infer<typeof IntakePersonExportSchema>;

export const SubjectAccessExportSchema = z
  .object({
    email: z.string().optional().describe('The person the export is for, when asked by email.'),
    name: z.string().optional().describe('The person the export is for, when asked by name and postcode.'),
    postcode: z.string().optional().describe('With `name`: the postcode asked for.'),
    generatedAt: z.iso.datetime({ offset: true }).describe('When the export was made.'),
    services: z.record(z.string(), z.unknown()).describe('Each service’s part, keyed by service (e.g. `intake`).'),
  })
  .describe('A subject-access export: everything the services hold about one person, as JSON.');
export type SubjectAccessExport = z.infer<typeof SubjectAccessExportSchema>;
