import { z } from 'zod';
import { defineEvent } from './define-event';

/** How an organisation signs its documents and emails: the name, and the postal address when given. */
export const OrganisationProfileSchema = z
  .object({
    name: z.string().trim().min(1).max(200).describe('The organisation’s name, as documents and emails are signed with it.'),
    address: z
      .array(z.string().trim().min(1).max(200).describe('One line of the address.'))
      .min(1)
      .max(6)
      .nullable()
      .describe('The postal address printed on documents, one line per entry (the postcode last); null when not given.'),
  })
  .describe('The organisation’s name and address for documents.');
export type OrganisationProfile = z.infer<typeof OrganisationProfileSchema>;

export const OrganisationProfileChangedV1 = defineEvent({
  type: 'gateway.organisation.profile-changed.v1',
  visibility: 'internal',
  description:
    'An organisation’s profile (the name and address its documents and emails are signed with) was set: when the organisation is created, on every change, and once for each organisation that existed before this event did. Services that sign documents (casework, notify) keep a projection of it; the envelope’s `sequence` is the profile version, so a late copy never overwrites a newer one.',
  schema: OrganisationProfileSchema.extend({
    organisationId: z.uuid().describe('The organisation.'),
    version: z.number().int().positive().describe('The profile version: 1 at creation, one more on each change (also the envelope’s sequence).'),
    changedAt: z.iso.datetime({ offset: true }).describe('When it was set.'),
  }).describe('gateway.organisation.profile-changed.v1 data'),
});

export const OrganisationAdminsChangedV1 = defineEvent({
  type: 'gateway.organisation.admins-changed.v1',
  visibility: 'internal',
  description:
    'The organisation’s active provider-admins, all of them, after a person who is or was one was added or changed (roles, status, name). Notify keeps a copy, to email them about the organisation’s own affairs (a partner endpoint disabled); the latest `changedAt` wins.',
  schema: z
    .object({
      organisationId: z.uuid().describe('The organisation.'),
      admins: z
        .array(
          z
            .object({
              userId: z.uuid().describe('The person (GET /v1/users/{id}).'),
              name: z.string().describe('Their name.'),
              email: z.string().describe('Their email address, lower case.'),
            })
            .describe('One active provider-admin.'),
        )
        .describe('Every active provider-admin of the organisation now; empty when none is left.'),
      changedAt: z.iso.datetime({ offset: true }).describe('When the change was made.'),
    })
    .describe('gateway.organisation.admins-changed.v1 data'),
});
