import { z } from 'zod';
import { ContractDefinitionSchema } from '../contracts/contract-definition.schema';
import { PARTY_ROLES } from '../contracts/party-role.schema';
import { defineEvent } from './define-event';

export const ReferrerSchema = z
  .object({
    name: z.string().trim().min(1).max(200).describe("The referring officer's name."),
    email: z.email().max(320).describe('Where the acknowledgement and reports go.'),
    organisation: z.string().trim().max(200).optional().describe('The referring body, e.g. a council, court or police force.'),
  })
  .strict()
  .describe('The officer who made the referral.');

export const PartyRoleSchema = z.enum(PARTY_ROLES).describe("The party's role in the dispute.");

export const ReferralPartySchema = z
  .object({
    role: PartyRoleSchema,
    name: z.string().trim().min(1).max(200).describe("The party's name."),
    email: z.email().max(320).optional().describe("The party's email address, if they gave one."),
    phone: z.string().trim().max(40).optional().describe("The party's telephone number, if they gave one."),
  })
  .strict()
  .describe('A person or body involved in the dispute.');

export const ReferralReceivedV1 = defineEvent({
  type: 'intake.referral.received.v1',
  visibility: 'internal',
  description: 'A referral was accepted by intake and stored; casework opens a case from it and notify acknowledges it.',
  schema: z
    .object({
      referralId: z.uuid().describe('The referral.'),
      reference: z.string().describe('Human reference quoted to the referrer, e.g. `REF-2026-000042`.'),
      contractId: z.uuid().describe('The contract the referral was made under.'),
      serviceLine: z.string().describe('The service line within the contract.'),
      externalReference: z.string().optional().describe("The referrer's own reference (claim number, police reference, EHC plan reference)."),
      referrer: ReferrerSchema,
      parties: z.array(ReferralPartySchema).describe('The parties named in the referral.'),
      receivedAt: z.iso.datetime({ offset: true }).describe('When the referral was received.'),
    })
    .describe('intake.referral.received.v1 data'),
});

/** v1 plus the contract version the referral was validated against, so the case can keep it. */
export const ReferralReceivedV2 = defineEvent({
  type: 'intake.referral.received.v2',
  visibility: 'internal',
  description: 'A referral was accepted by intake and stored, under a given version of its contract; casework opens a case from it and notify acknowledges it.',
  schema: ReferralReceivedV1.schema
    .extend({
      contractVersion: z.number().int().positive().describe('The contract version the referral was made under; the case keeps it.'),
      clockStartsAt: z.iso
        .datetime({ offset: true })
        .optional()
        .describe(
          'When office-hours clocks start: `receivedAt`, or the next opening of the service line when the referral arrived outside office hours. Absent from events published before it existed: use `receivedAt`.',
        ),
      dates: z
        .record(z.string().max(64), z.string().max(40))
        .optional()
        .describe(
          'The date and datetime answers of the form that are not special-category or criminal-offence data, keyed by field; deadline rules count to or from them.',
        ),
      overCap: z
        .boolean()
        .optional()
        .describe(
          'True when the referral is beyond the cases a year a fixed-per-year price covers, so the per-case price applies. Absent from events published before it existed: false.',
        ),
      contactAnswers: z
        .record(z.string().max(64), z.boolean())
        .optional()
        .describe(
          'The yes/no answers the service line’s contact permissions read (`partyContact.permissions`), keyed by field, e.g. `{ "victimContactAllowed": false }`; an unanswered field is absent and counts as no. Flags only, never free text. Absent from events published before it existed: no permission given.',
        ),
    })
    .describe('intake.referral.received.v2 data'),
});

/**
 * What partners receive of `intake.referral.received.v2`, which is internal because it names the parties
 * and the referrer: the webhooks dispatcher sends this projection (ids, codes and times only) under the
 * same type. One schema, picked from the event's own, so it cannot drift from it.
 */
export const ReferralReceivedPartnerDataV2 = ReferralReceivedV2.schema
  .pick({ referralId: true, reference: true, contractId: true, contractVersion: true, serviceLine: true, receivedAt: true, clockStartsAt: true, overCap: true })
  .describe('intake.referral.received.v2 data as partners receive it: no names, addresses or free text');

export const ReferralCaseLinkedV1 = defineEvent({
  type: 'intake.referral.case-linked.v1',
  visibility: 'public',
  description: 'Intake recorded the case that casework opened for a referral.',
  schema: z
    .object({
      referralId: z.uuid().describe('The referral.'),
      caseId: z.uuid().describe('The case opened from it.'),
    })
    .describe('intake.referral.case-linked.v1 data'),
});

export const ContractPublishedV1 = defineEvent({
  type: 'intake.contract.published.v1',
  visibility: 'internal',
  description: 'A contract (or a new version of it) was published; services keep their own projection of it.',
  schema: z
    .object({
      contractId: z.uuid().describe('The contract.'),
      reference: z.string().describe("The provider's reference for the contract."),
      title: z.string().describe('The contract title.'),
      template: z.string().describe('The template the contract was made from.'),
      version: z.number().int().positive().describe('The contract version this event publishes.'),
    })
    .describe('intake.contract.published.v1 data'),
});

/** v2 carries the whole definition, so other services keep their own projection of each contract's rules. */
export const ContractPublishedV2 = defineEvent({
  type: 'intake.contract.published.v2',
  visibility: 'internal',
  description:
    'A contract version was published (draft -> active, or a change to an active contract, or an import into one); data carries the full definition of that version. Replaces v1, which is no longer published.',
  schema: z
    .object({
      contractId: z.uuid().describe('The contract.'),
      version: z.number().int().positive().describe('The version published; cases opened from now on keep it.'),
      status: z.enum(['active', 'suspended', 'ended']).describe('The contract status when published.'),
      template: z.string().nullable().describe('The template the contract was made from, if any.'),
      definition: ContractDefinitionSchema,
    })
    .describe('intake.contract.published.v2 data'),
});

export const ReferralRejectedV1 = defineEvent({
  type: 'intake.referral.rejected.v1',
  visibility: 'internal',
  description: 'A well-formed referral was stored but not taken (contract not active, outside its scope, or no consent); no case is opened.',
  schema: z
    .object({
      referralId: z.uuid().describe('The referral, kept so the referrer can follow it.'),
      reference: z.string().describe('Human reference quoted to the referrer.'),
      contractId: z.uuid().describe('The contract it was made under.'),
      serviceLine: z.string().describe('The service line it named.'),
      code: z.enum(['contract-not-active', 'outside-scope', 'no-consent']).describe('Why it was rejected.'),
      reason: z.string().describe('The reason in words.'),
      referrer: ReferrerSchema,
      receivedAt: z.iso.datetime({ offset: true }).describe('When it was received.'),
    })
    .describe('intake.referral.rejected.v1 data'),
});

/** v1 with every rejection code, `referrer-not-allowed` among them; v1 is still published for the codes it knows. */
export const ReferralRejectedV2 = defineEvent({
  type: 'intake.referral.rejected.v2',
  visibility: 'internal',
  description:
    'A well-formed referral was stored but not taken (contract not active, outside its scope, no consent, or a referrer the service line does not take); no case is opened.',
  schema: ReferralRejectedV1.schema
    .extend({
      code: z.enum(['contract-not-active', 'outside-scope', 'no-consent', 'referrer-not-allowed']).describe('Why it was rejected.'),
    })
    .describe('intake.referral.rejected.v2 data'),
});

export const ReferralDuplicateFlaggedV1 = defineEvent({
  type: 'intake.referral.duplicate-flagged.v1',
  visibility: 'public',
  description:
    'An accepted referral may duplicate earlier ones (same external reference, or same parties and address within the window); it is linked to them, never dropped.',
  schema: z
    .object({
      referralId: z.uuid().describe('The new referral.'),
      reference: z.string().describe('Its reference.'),
      contractId: z.uuid().describe('The contract.'),
      possibleDuplicateOf: z
        .array(
          z
            .object({
              referralId: z.uuid().describe('The earlier referral.'),
              reference: z.string().describe('Its reference.'),
              reason: z.enum(['external-reference', 'parties-and-address']).describe('What matched.'),
            })
            .describe('An earlier referral it may duplicate.'),
        )
        .min(1)
        .describe('The earlier referrals it is linked to.'),
    })
    .describe('intake.referral.duplicate-flagged.v1 data'),
});

export const ReferralLegalHoldChangedV1 = defineEvent({
  type: 'intake.referral.legal-hold-changed.v1',
  visibility: 'internal',
  description: 'A legal hold on a referral was set or released; while set, retention does not anonymise it.',
  schema: z
    .object({
      referralId: z.uuid().describe('The referral.'),
      legalHold: z.boolean().describe('Whether it is now held.'),
      reason: z.string().describe('Why.'),
    })
    .describe('intake.referral.legal-hold-changed.v1 data'),
});

export const ReferralAnonymisedV1 = defineEvent({
  type: 'intake.referral.anonymised.v1',
  visibility: 'public',
  description:
    'A referral’s personal data was anonymised at the end of its retention period (its case closed more than the service line’s dataRetentionMonths ago).',
  schema: z
    .object({
      referralId: z.uuid().describe('The referral.'),
      caseId: z.uuid().nullable().describe('Its case, if one was opened.'),
      retentionMonths: z.number().int().positive().describe('The retention period applied.'),
    })
    .describe('intake.referral.anonymised.v1 data'),
});
