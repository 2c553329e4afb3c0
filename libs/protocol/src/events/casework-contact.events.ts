import { z } from 'zod';
import { PARTY_MESSAGES } from '../contracts/party-contact.schema';
import { PARTY_ROLES } from '../contracts/party-role.schema';
import { defineEvent } from './define-event';
import { at, CaseEventBase } from './event-bases';

/** Why the contact rule refused a message to a party. */
export const CONTACT_REFUSALS = ['contact-not-allowed', 'role-not-eligible', 'channel-not-allowed', 'no-address'] as const;
export type ContactRefusal = (typeof CONTACT_REFUSALS)[number];

export const CommunicationWithheldV1 = defineEvent({
  type: 'casework.communication.withheld.v1',
  visibility: 'public',
  description:
    'A message of the platform to a party was not sent because the contact rule refused it, and the refusal was logged on the case’s communications log (once per message and party). Carries the message, the party’s role and why, never the party’s name or address.',
  schema: CaseEventBase.extend({
    communicationId: z.uuid().describe('The log entry that records the refusal.'),
    message: z.enum(PARTY_MESSAGES).describe('The message refused: `survey`, `deadline-reminder` or `certificate`.'),
    channel: z.enum(['email']).describe('The channel it would have gone by.'),
    partyRole: z.enum(PARTY_ROLES).describe('The role of the party it was meant for.'),
    refusal: z
      .enum(CONTACT_REFUSALS)
      .describe(
        'Why: the referral does not allow contact with the role, the role is not sent this message on the line, the party’s preferences exclude the channel, or no address is recorded.',
      ),
    loggedAt: at().describe('When it was logged.'),
  }).describe('casework.communication.withheld.v1 data'),
});

/** Like casework.party.reminder-issued.v1, it carries one party's name and address to notify, which fetches the PDF when sending. */
export const CertificateIssuedToPartyV1 = defineEvent({
  type: 'casework.party.certificate-issued.v1',
  visibility: 'internal',
  description:
    'A mediation certificate was issued to one party the contact rule allows to be emailed it (the family, on a SEND line); notify emails it with the certificate PDF, fetched from casework (and its appeal deadline from scheduling) when sending. Once per certificate and party.',
  schema: CaseEventBase.extend({
    certificateId: z.uuid().describe('The certificate.'),
    kind: z.enum(['after-mediation', 'declined', 'deemed']).describe('Which certificate.'),
    issuedAt: at().describe('When it was issued: the appeal clock it starts is the one started at this time.'),
    statesAppealDeadline: z
      .boolean()
      .describe(
        'Whether the line counts an appeal deadline from the certificate (an `appeal-deadline` rule started by `certificate.issued`): the PDF then waits for that date before it is sent.',
      ),
    partyId: z.uuid().describe('The party it goes to.'),
    email: z.email().describe('The party’s address.'),
    name: z.string().describe('The party’s name, for the greeting.'),
    reference: z.string().describe('The case reference.'),
  }).describe('casework.party.certificate-issued.v1 data'),
});
