import { z } from 'zod';
import { CONTACT_REFUSALS } from './casework-contact.events';
import { PARTY_ROLES } from '../contracts/party-role.schema';
import { defineEvent } from './define-event';
import { at, CaseEventBase, ContactSchema } from './event-bases';

/** What happened to the arrangements, as the people attending are told it. */
export const SESSION_NOTICE_CHANGES = ['booked', 'moved', 'cancelled', 'reminder'] as const;
export type SessionNoticeChange = (typeof SESSION_NOTICE_CHANGES)[number];

/** Where and how a session is held, as an invitation states it; shared by the scheduling and casework events. */
export const SessionArrangementFields = {
  sessionId: z.uuid().describe('The session; with `sequence` it names one version of its calendar entry (the iCalendar UID is made from it).'),
  change: z
    .enum(SESSION_NOTICE_CHANGES)
    .describe('`booked` (an invitation), `moved` (an update: new date or time), `cancelled` (a cancellation), `reminder` (a reminder before it).'),
  sequence: z
    .number()
    .int()
    .min(0)
    .describe('The iCalendar SEQUENCE: 0 when booked, one more at each move and at the cancellation; a reminder carries the current one.'),
  reminder: z.number().int().min(0).nullable().describe('For a reminder, which one of the line’s reminders (0 is the first); null otherwise.'),
  sessionTypeLabel: z.string().describe('The session as people read it, e.g. “Mediation session”.'),
  mode: z.enum(['video', 'phone', 'in-person']).describe('How it is held.'),
  startsAt: at().describe('When it starts.'),
  endsAt: at().describe('When it ends.'),
  previousStartsAt: at().nullable().describe('For a move, when it was to start before.'),
  place: z
    .object({
      name: z.string().describe('The venue’s name.'),
      address: z.array(z.string()).describe('The venue’s address, one line each.'),
      accessibility: z.array(z.string()).describe('What the venue offers, e.g. “Step-free access”, and its own notes.'),
    })
    .nullable()
    .describe('The venue of an in-person session held at one.'),
  location: z.string().nullable().describe('Where an in-person session away from a venue is held, e.g. “the service user’s home”.'),
  videoLink: z.url().nullable().describe('The link to join a video session.'),
  reason: z.string().nullable().describe('Why it was cancelled.'),
};

export const SessionArrangementsV1 = defineEvent({
  type: 'scheduling.session.arrangements.v1',
  visibility: 'internal',
  description:
    'What the people attending a session need to be told: it was booked, moved or cancelled, or a reminder is due before it. Casework invites the parties the contact rule allows, notify the staff.',
  schema: CaseEventBase.extend({
    ...SessionArrangementFields,
    staff: z
      .array(ContactSchema.extend({ staffId: z.uuid().describe('The staff member.') }))
      .describe('Staff attending, with the address they are sent it at.'),
    partyNames: z
      .array(z.string())
      .describe('Parties attending, by name, as booked; empty when the booking named none (every party of the case is then meant).'),
    changedAt: at().describe('When it changed (for a reminder, when it became due).'),
  }).describe('scheduling.session.arrangements.v1 data'),
});

/** Like casework.party.reminder-issued.v1, it carries one party's name and address to notify. */
export const SessionInvitationIssuedV1 = defineEvent({
  type: 'casework.party.session-invitation-issued.v1',
  visibility: 'internal',
  description:
    'One party the contact rule allows was issued a session invitation, update, cancellation or reminder, by email or text; notify sends it (an email carries the .ics calendar entry). Once per arrangements event and party.',
  schema: CaseEventBase.extend({
    ...SessionArrangementFields,
    partyId: z.uuid().describe('The party.'),
    channel: z.enum(['email', 'sms']).describe('How it is sent: the party’s preferred channel among those allowed.'),
    email: z.email().nullable().describe('The party’s address, for email.'),
    phone: z.string().nullable().describe('The party’s mobile number in E.164, for a text.'),
    name: z.string().describe('The party’s name, for the greeting.'),
    reference: z.string().describe('The case reference.'),
    interpreterLanguage: z.string().nullable().describe('The language of the interpreter arranged for the party, when they need one.'),
    contact: ContactSchema.nullable().describe('Who at the provider to contact: the case manager, when there is one.'),
  }).describe('casework.party.session-invitation-issued.v1 data'),
});

/** The messages v2 of the withheld event names: v1's and the session notices. */
export const WITHHELD_MESSAGES_V2 = ['survey', 'deadline-reminder', 'certificate', 'session-invitation'] as const;

export const CommunicationWithheldV2 = defineEvent({
  type: 'casework.communication.withheld.v2',
  visibility: 'public',
  description:
    'As v1, for every message of the platform to a party, session invitations and reminders included (v1 is still published for the messages it knows), and by text as well as email.',
  schema: CaseEventBase.extend({
    communicationId: z.uuid().describe('The log entry that records the refusal.'),
    message: z.enum(WITHHELD_MESSAGES_V2).describe('The message refused (`session-invitation` covers its updates, cancellation and reminders).'),
    channel: z.enum(['email', 'sms']).describe('The channel it would have gone by.'),
    partyRole: z.enum(PARTY_ROLES).describe('The role of the party it was meant for.'),
    refusal: z.enum(CONTACT_REFUSALS).describe('Why, as in v1.'),
    loggedAt: at().describe('When it was logged.'),
  }).describe('casework.communication.withheld.v2 data'),
});

/** A text provider's receipt for a text notify sent: whether it reached the phone. */
export const DeliveryReceiptV1 = defineEvent({
  type: 'notify.delivery.receipt.v1',
  visibility: 'internal',
  description:
    'The provider’s delivery receipt for a text notify sent (GOV.UK Notify or the HTTP provider, asked until it reports a final status); casework adds it to the case’s communications log.',
  schema: z
    .object({
      deliveryId: z.uuid().describe('The delivery.'),
      caseId: z.uuid().optional().describe('The case it concerns.'),
      channel: z.enum(['sms']).describe('How it was sent.'),
      kind: z.string().describe('What it was, e.g. `session-reminder`.'),
      outcome: z.enum(['delivered', 'not-delivered']).describe('Whether it reached the phone.'),
      providerStatus: z.string().describe('The provider’s own status, e.g. GOV.UK Notify’s `delivered` or `permanent-failure`.'),
      receivedAt: at().describe('When notify learnt it.'),
    })
    .describe('notify.delivery.receipt.v1 data'),
});

/** Work the contract pays for outside cases; reporting counts `milestone` (e.g. seed 002's `workshop.delivered`) by organisation served and period. */
export const ActivityDeliveredV1 = defineEvent({
  type: 'scheduling.activity.delivered.v1',
  visibility: 'public',
  description:
    'A programme activity outside any case (a workshop, drop-in, training or onboarding meeting) was delivered under a contract; `milestone` is its session type’s `heldMilestone`, the event a KPI counts.',
  schema: z
    .object({
      activityId: z.uuid().describe('The activity.'),
      contractId: z.uuid().describe('The contract.'),
      serviceLine: z.string().describe('The service line key.'),
      activityType: z.string().describe('The session type key, e.g. `workshop`.'),
      milestone: z
        .string()
        .regex(/^[a-z][a-z-]*\.[a-z][a-z-]*$/)
        .nullable()
        .describe('The milestone it counts as, e.g. `workshop.delivered`, `drop-in.held`; null when the type names none.'),
      deliveredAt: at().describe('When it took place.'),
      servedOrganisationKey: z
        .string()
        .describe('The organisation served, as a lower-case key of its name (e.g. `kent-county-council`), for counting by authority.'),
      attendance: z
        .array(
          z
            .object({ attendeeType: z.string().describe('A key, e.g. `social-worker`.'), count: z.number().int().describe('How many.') })
            .describe('One kind of attendee.'),
        )
        .describe('Counts by attendee type.'),
      totalAttendees: z.number().int().describe('Everyone who attended.'),
    })
    .describe('scheduling.activity.delivered.v1 data'),
});
