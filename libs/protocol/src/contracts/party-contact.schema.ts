import { z } from 'zod';
import { BasisSchema, KeySchema } from './basis.schema';
import { PARTY_ROLES } from './party-role.schema';

/** The messages the platform sends to the parties of a case on its own (not those a person writes). */
export const PARTY_MESSAGES = ['survey', 'deadline-reminder', 'certificate'] as const;
export type PartyMessage = (typeof PARTY_MESSAGES)[number];

const Role = z.enum(PARTY_ROLES).describe('A party role, e.g. `respondent`.');
const Roles = z
  .array(Role)
  .max(PARTY_ROLES.length)
  .refine((roles) => new Set(roles).size === roles.length, { message: 'must not repeat a role' });

export const PartyMessageRuleSchema = z
  .object({
    message: z
      .enum(PARTY_MESSAGES)
      .describe(
        'The message: `survey` (the satisfaction survey after closure), `deadline-reminder` (a reminder of a date on the case), `certificate` (a mediation certificate, emailed with its PDF).',
      ),
    roles: Roles.describe('The party roles that may be sent it; a party in any other role is not (and the case’s communications log says so).'),
    notOnOutcomes: z
      .array(
        z
          .object({
            outcomes: z.array(KeySchema).min(1).max(50).describe('Outcome keys of the line, e.g. `evidence-for-enforcement`.'),
            roles: Roles.min(1).describe('The roles not sent it after a closure with one of those outcomes.'),
          })
          .strict()
          .describe('Roles the message is withheld from when the case closed with one of these outcomes.'),
      )
      .max(10)
      .default([])
      .describe('Exceptions by outcome, e.g. the respondent of a case closed with evidence for enforcement is not surveyed.'),
    basis: BasisSchema,
  })
  .strict()
  .describe('Which parties a message of the platform may go to on this line.');
export type PartyMessageRule = z.infer<typeof PartyMessageRuleSchema>;

export const ContactPermissionSchema = z
  .object({
    field: KeySchema.describe('A yes/no field of the referral form, e.g. `victimContactAllowed`.'),
    roles: Roles.min(1).describe('The party roles contacted only when the referral answered that field yes; no answer counts as no.'),
    basis: BasisSchema,
  })
  .strict()
  .describe('A permission the referral gives (or withholds) to contact parties in some roles at all.');
export type ContactPermission = z.infer<typeof ContactPermissionSchema>;

export const PartyContactSchema = z
  .object({
    messages: z
      .array(PartyMessageRuleSchema)
      .max(PARTY_MESSAGES.length)
      .refine((rules) => new Set(rules.map((r) => r.message)).size === rules.length, { message: 'must name each message once' })
      .describe('Per message, the roles that may be sent it; a message not listed goes to no party.'),
    permissions: z
      .array(ContactPermissionSchema)
      .max(10)
      .default([])
      .describe('Roles that are contacted only when the referral says they may be (e.g. a victim, only with `victimContactAllowed` answered yes).'),
  })
  .strict()
  .describe('Who among the parties the platform may contact, with what: every message to a party passes this rule, then the party’s own contact preferences.');
export type PartyContact = z.infer<typeof PartyContactSchema>;
