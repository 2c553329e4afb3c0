import { z } from 'zod';
import { defineEvent } from './define-event';

const SessionFields = {
  sessionId: z.uuid().describe('The session.'),
  caseId: z.uuid().describe('The case.'),
  contractId: z.uuid().describe('The contract.'),
  sessionType: z.string().describe('The session type key from the service line, e.g. `mediation`.'),
};

const AttendeesSchema = z
  .object({
    staffIds: z.array(z.uuid()).describe('Staff attending.'),
    partyNames: z.array(z.string()).describe('Parties attending, by name.'),
  })
  .describe('Who attends.');

export const SessionBookedV1 = defineEvent({
  type: 'scheduling.session.booked.v1',
  visibility: 'internal',
  description: 'A session (mediation, visit, meeting) was booked on a case.',
  schema: z
    .object({
      ...SessionFields,
      mode: z.enum(['video', 'phone', 'in-person']).describe('How it is held.'),
      venueId: z.uuid().nullable().describe('The venue, for an in-person session at one.'),
      startsAt: z.iso.datetime({ offset: true }).describe('When it starts.'),
      endsAt: z.iso.datetime({ offset: true }).describe('When it ends.'),
      attendees: AttendeesSchema,
      noticeWorkingDays: z.number().int().describe('Working days of notice given.'),
      noticeWaived: z.boolean().describe('Whether the parties agreed to less notice than the rule.'),
    })
    .describe('scheduling.session.booked.v1 data'),
});

export const SessionHeldV1 = defineEvent({
  type: 'scheduling.session.held.v1',
  visibility: 'internal',
  description: 'A session was held; `milestone` (the session type’s `heldMilestone`, e.g. `mediation.held`) stops or starts contract clocks.',
  schema: z
    .object({
      ...SessionFields,
      milestone: z
        .string()
        .regex(/^[a-z][a-z-]*\.[a-z][a-z-]*$/)
        .nullable()
        .describe('The milestone reached, e.g. `mediation.held`, `visit.held`, `meeting.held`; null when the session type names none.'),
      heldAt: z.iso.datetime({ offset: true }).describe('When it was held.'),
      attendees: AttendeesSchema,
    })
    .describe('scheduling.session.held.v1 data'),
});

export const SessionStaffWorkedV1 = defineEvent({
  type: 'scheduling.session.staff-worked.v1',
  visibility: 'internal',
  description:
    'A session was held, with the time it took and the pay terms on each attending staff member’s record at that moment; published beside scheduling.session.held.v1 for billing, which records each one’s fee on their monthly statement.',
  schema: z
    .object({
      ...SessionFields,
      heldAt: z.iso.datetime({ offset: true }).describe('When it was held.'),
      startsAt: z.iso.datetime({ offset: true }).describe('When it started, as booked.'),
      endsAt: z.iso.datetime({ offset: true }).describe('When it ended, as booked: the time worked is from `startsAt` to `endsAt`.'),
      staff: z
        .array(
          z
            .object({
              staffId: z.uuid().describe('The staff member.'),
              name: z.string().describe('Their name, as the statement shows it.'),
              payRatePence: z.number().int().describe('Their hourly pay in pence when the session was held.'),
              sessionFeePence: z.number().int().nullable().describe('Their fee per session held in pence then; null when paid by the hour.'),
            })
            .describe('A staff member who worked the session, with their pay terms.'),
        )
        .describe('The staff who worked it.'),
    })
    .describe('scheduling.session.staff-worked.v1 data'),
});

export const SessionCancelledV1 = defineEvent({
  type: 'scheduling.session.cancelled.v1',
  visibility: 'internal',
  description: 'A booked session was cancelled; its staff and venue are free again.',
  schema: z
    .object({
      ...SessionFields,
      reason: z.string().describe('Why.'),
      cancelledAt: z.iso.datetime({ offset: true }).describe('When.'),
      startsAt: z.iso.datetime({ offset: true }).describe('When it would have started.'),
    })
    .describe('scheduling.session.cancelled.v1 data'),
});

export const SessionDidNotAttendV1 = defineEvent({
  type: 'scheduling.session.did-not-attend.v1',
  visibility: 'internal',
  description: 'The parties did not attend a booked session.',
  schema: z
    .object({ ...SessionFields, reason: z.string().describe('What is known.'), recordedAt: z.iso.datetime({ offset: true }).describe('When it was recorded.') })
    .describe('scheduling.session.did-not-attend.v1 data'),
});

export const AccreditationExpiringV1 = defineEvent({
  type: 'scheduling.staff.accreditation-expiring.v1',
  visibility: 'internal',
  description: 'A staff member’s accreditation or check expires soon (or has expired); once expired it blocks allocation. Notify may email it.',
  schema: z
    .object({
      staffId: z.uuid().describe('The staff member.'),
      name: z.string().describe('Their name.'),
      email: z.email().describe('Their email.'),
      accreditationId: z.uuid().describe('The accreditation.'),
      kind: z.string().describe('Its kind, e.g. `dbs-enhanced`.'),
      label: z.string().describe('What it is.'),
      expiresAt: z.iso.date().describe('The last day it is valid.'),
      daysLeft: z.number().int().describe('Calendar days left; 0 or less once expired.'),
    })
    .describe('scheduling.staff.accreditation-expiring.v1 data'),
});
