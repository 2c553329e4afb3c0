import { z } from 'zod';
import { KeySchema } from '../contracts/basis.schema';
import { LanguageSchema, SkillSchema } from './staff.schemas';

// Sessions here are case sessions (a mediation, a visit, a meeting); sign-in sessions are in session.schemas.ts.

export const AccessibilitySchema = z
  .object({
    stepFree: z.boolean().describe('Step-free access from the street to the room.'),
    hearingLoop: z.boolean().describe('A hearing loop in the room.'),
    accessibleToilet: z.boolean().describe('An accessible toilet.'),
    parking: z.boolean().describe('Parking, including a disabled bay.'),
    notes: z.string().trim().max(1000).optional().describe('Anything else, e.g. "lift to the first floor, ring the bell".'),
  })
  .strict()
  .describe('The venue’s accessibility, so parties’ needs can be met.');

export const AddressSchema = z
  .object({
    line1: z.string().trim().min(1).max(200).describe('First line.'),
    line2: z.string().trim().max(200).optional().describe('Second line.'),
    town: z.string().trim().min(1).max(100).describe('Town or city.'),
    postcode: z.string().trim().min(5).max(10).describe('Postcode.'),
  })
  .strict()
  .describe('A postal address.');

export const CreateVenueBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200).describe('The venue’s name, e.g. "Civic Centre, Room 2".'),
    address: AddressSchema,
    accessibility: AccessibilitySchema,
  })
  .strict()
  .describe('A place where in-person sessions are held.');
export type CreateVenueBody = z.infer<typeof CreateVenueBodySchema>;

export const VenueViewSchema = z
  .object({
    id: z.uuid().describe('The venue id.'),
    name: z.string().describe('The venue’s name.'),
    address: AddressSchema,
    accessibility: AccessibilitySchema,
    createdAt: z.iso.datetime({ offset: true }).describe('When it was added.'),
  })
  .describe('A venue.');
export type VenueView = z.infer<typeof VenueViewSchema>;

export const VenueListSchema = z.object({ items: z.array(VenueViewSchema).describe('The venues.') }).describe('Venues of the organisation.');

export const SessionModeSchema = z
  .enum(['video', 'phone', 'in-person'])
  .describe('Remote by video or phone, or in person (at a venue, or elsewhere such as a home visit).');

export const NoticeWaiverSchema = z
  .object({
    by: z.string().trim().min(1).max(200).describe('Who agreed to less notice, e.g. "the parent, Ms A".'),
    reason: z.string().trim().min(1).max(1000).describe('Why, as recorded.'),
  })
  .strict()
  .describe('The parties agreed to less notice than the service line’s rule (SEND: "unless they agree to less").');

/** Sent to the parties and staff in the invitation; https only, as it is a link people are asked to open. */
export const VideoLinkSchema = z
  .url({ protocol: /^https$/ })
  .max(500)
  .describe('The link to join a video session (https), sent to the parties and staff in the invitation, e.g. `https://meet.example/abc-defg`.');

export const BookSessionBodySchema = z
  .object({
    sessionType: KeySchema.describe('A session type of the case’s service line, e.g. `mediation`, `home-visit`.'),
    mode: SessionModeSchema,
    venueId: z.uuid().optional().describe('The venue, for an in-person session at one.'),
    location: z.string().trim().min(1).max(300).optional().describe('Where an in-person session away from a venue is held, e.g. "the service user’s home".'),
    videoLink: VideoLinkSchema.optional(),
    startsAt: z.iso.datetime({ offset: true }).describe('When it starts.'),
    endsAt: z.iso.datetime({ offset: true }).describe('When it ends.'),
    staffIds: z
      .array(z.uuid())
      .min(1)
      .max(10)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat a value' })
      .describe('The staff attending (mediators, professional witnesses).'),
    parties: z
      .array(
        z
          .object({
            name: z.string().trim().min(1).max(200).describe('Their name.'),
            role: z.string().trim().max(100).optional().describe('Their role, e.g. `parent`, `local-authority`.'),
          })
          .strict()
          .describe('A party attending.'),
      )
      .max(20)
      .default([])
      .describe('The parties attending.'),
    noticeWaived: NoticeWaiverSchema.optional(),
    held: z
      .literal(true)
      .optional()
      .describe(
        'Record a session that already took place (a case entered late): it must have ended by now and not have started before the case began; it is booked and held at once, held at its start, with no notice rule and no reminders. The staff rules and double booking still apply.',
      ),
  })
  .strict()
  .refine((s) => new Date(s.startsAt) < new Date(s.endsAt), { message: 'must be after startsAt', path: ['endsAt'] })
  .refine((s) => !s.videoLink || s.mode === 'video', { message: 'only a video session has a video link', path: ['videoLink'] })
  .describe('A session to book on a case.');
export type BookSessionBody = z.infer<typeof BookSessionBodySchema>;

export const SessionStatusSchema = z.enum(['booked', 'held', 'cancelled', 'did-not-attend']).describe('Booked, then held, cancelled, or did not attend.');

export const CaseSessionViewSchema = z
  .object({
    id: z.uuid().describe('The session id.'),
    caseId: z.uuid().describe('The case.'),
    contractId: z.uuid().describe('The contract.'),
    serviceLine: z.string().describe('The service line.'),
    sessionType: z.string().describe('The session type key.'),
    sessionTypeLabel: z.string().describe('The session type as people read it.'),
    mode: SessionModeSchema,
    venueId: z.uuid().nullable().describe('The venue.'),
    location: z.string().nullable().describe('Where, when not at a venue.'),
    videoLink: z.string().nullable().describe('The link to join a video session.'),
    startsAt: z.iso.datetime({ offset: true }).describe('When it starts.'),
    endsAt: z.iso.datetime({ offset: true }).describe('When it ends.'),
    staffIds: z.array(z.uuid()).describe('Staff attending.'),
    parties: z
      .array(z.object({ name: z.string().describe('Name.'), role: z.string().optional().describe('Role.') }).describe('A party.'))
      .describe('Parties attending.'),
    status: SessionStatusSchema,
    notice: z
      .object({
        requiredWorkingDays: z.number().int().nullable().describe('The service line’s minimum notice, in working days; null when it has none.'),
        givenWorkingDays: z.number().int().describe('Working days from booking to the session (the booking day not counted, the session day counted).'),
        waived: NoticeWaiverSchema.nullable(),
      })
      .describe('The notice the parties were given.'),
    bookedAt: z.iso.datetime({ offset: true }).describe('When it was booked.'),
    bookedBy: z.string().describe('Who booked it.'),
    heldAt: z.iso.datetime({ offset: true }).nullable().describe('When it was recorded as held.'),
    cancelledAt: z.iso.datetime({ offset: true }).nullable().describe('When it was cancelled.'),
    statusReason: z.string().nullable().describe('Why it was cancelled or not attended.'),
  })
  .describe('A session on a case.');
export type CaseSessionView = z.infer<typeof CaseSessionViewSchema>;

export const CaseSessionListSchema = z
  .object({ items: z.array(CaseSessionViewSchema).describe('The sessions, earliest first.') })
  .describe('Sessions of a case.');

export const HoldSessionBodySchema = z
  .object({ heldAt: z.iso.datetime({ offset: true }).optional().describe('When it was held; defaults to its start time.') })
  .strict()
  .describe('Record that a session was held.');
export const CancelSessionBodySchema = z
  .object({ reason: z.string().trim().min(1).max(1000).describe('Why it was cancelled.') })
  .strict()
  .describe('Cancel a booked session.');
export const MoveSessionBodySchema = z
  .object({
    startsAt: z.iso.datetime({ offset: true }).describe('When it now starts.'),
    endsAt: z.iso.datetime({ offset: true }).describe('When it now ends.'),
    noticeWaived: NoticeWaiverSchema.optional(),
  })
  .strict()
  .refine((s) => new Date(s.startsAt) < new Date(s.endsAt), { message: 'must be after startsAt', path: ['endsAt'] })
  .describe('Move a booked session to another time: the parties and staff are sent an update of the same calendar entry.');
export type MoveSessionBody = z.infer<typeof MoveSessionBodySchema>;
export const DidNotAttendBodySchema = z
  .object({ reason: z.string().trim().min(1).max(1000).describe('Who did not attend, and what is known.') })
  .strict()
  .describe('Record that the parties did not attend.');

/** The longest span one sessions list covers: a calendar reads a week, a month at most. */
export const SESSIONS_LIST_MAX_DAYS = 42;

export const SessionsQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }).describe('Sessions starting at or after this instant (for a London week: its Monday 00:00 London time).'),
    to: z.iso.datetime({ offset: true }).describe('Sessions starting before this instant; at most 42 days after `from`.'),
    staffId: z.uuid().optional().describe('Only the sessions this member of staff attends (a mediator’s calendar).'),
    venueId: z.uuid().optional().describe('Only the sessions held at this venue (a venue’s calendar).'),
  })
  .strict()
  .refine((q) => new Date(q.from) < new Date(q.to), { message: 'must be after from', path: ['to'] })
  .refine((q) => new Date(q.to).getTime() - new Date(q.from).getTime() <= SESSIONS_LIST_MAX_DAYS * 86_400_000, {
    message: `must be at most ${SESSIONS_LIST_MAX_DAYS} days after from`,
    path: ['to'],
  })
  .describe('Which sessions to list across cases: a time range, and optionally one member of staff or one venue.');
export type SessionsQuery = z.infer<typeof SessionsQuerySchema>;

export const SessionListSchema = z
  .object({ items: z.array(CaseSessionViewSchema).describe('The sessions in the range, earliest first, whatever their status.') })
  .describe('Sessions across cases: a mediator’s or a venue’s calendar.');
export type SessionList = z.infer<typeof SessionListSchema>;

export const SessionIdParamsSchema = z.object({ id: z.uuid().describe('The session id.') }).describe('Path parameters.');

/** What the gateway learnt of the case from casework, so scheduling never asks casework itself. */
export const CaseContextSchema = z
  .object({
    caseId: z.uuid().describe('The case.'),
    contractId: z.uuid().describe('The contract.'),
    serviceLine: z.string().describe('The service line.'),
    contractVersion: z.number().int().nullable().describe('The contract version the case runs under; null means the latest known.'),
    beganAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('The earliest moment anything on the case may be dated (casework’s rule): a session already held cannot be recorded before it.'),
  })
  .describe('The case a session or an allocation is for.');
export type CaseContext = z.infer<typeof CaseContextSchema>;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item).max(20),
  );

export const MediatorCandidatesQuerySchema = z
  .object({
    language: LanguageSchema.optional().describe('The language the parties need (e.g. the interpreter language on the case).'),
    skills: csv(SkillSchema).optional().describe('Skills wanted, comma-separated, e.g. `send,family`.'),
    parties: csv(z.string().trim().min(1).max(200)).optional().describe('Party names on the case, comma-separated; a declared conflict with one blocks.'),
    days: z.coerce.number().int().min(1).max(90).default(14).describe('How many days ahead availability is counted.'),
  })
  .strict()
  .describe('What to rank mediators by.');
export type MediatorCandidatesQuery = z.infer<typeof MediatorCandidatesQuerySchema>;

export const CandidateSchema = z
  .object({
    staffId: z.uuid().describe('The staff member.'),
    name: z.string().describe('Their name.'),
    score: z.number().describe('The total, 0 to 100.'),
    breakdown: z
      .object({
        skills: z.number().describe('0-30: share of the wanted skills they have (30 when none were asked).'),
        language: z.number().describe('0-20: 20 when they speak the language asked (or none was asked).'),
        availability: z.number().describe('0-25: free hours in the window, 25 at 20 hours or more.'),
        caseload: z.number().describe('0-25: room left in their caseload.'),
      })
      .describe('How the score was made.'),
    freeHours: z.number().describe('Free hours in the window, after booked sessions.'),
    caseload: z.object({ active: z.number().int().describe('Open cases assigned.'), max: z.number().int().describe('Their maximum.') }).describe('Caseload.'),
    nextAccreditationExpiry: z.string().nullable().describe('The earliest expiry date of their accreditations.'),
    warnings: z
      .array(
        z
          .object({
            code: z
              .enum(['accreditation-expiring', 'london-living-wage-rising'])
              .describe(
                '`accreditation-expiring`: a check in date today runs out within 30 days; `london-living-wage-rising`: pay meets today’s London Living Wage but not a rate announced for later.',
              ),
            message: z.string().describe('What to do about it, for a person to read.'),
          })
          .describe('Something to act on soon; it does not block.'),
      )
      .describe('Warnings that do not block the allocation.'),
  })
  .describe('A mediator who may take the case.');

export const ExcludedCandidateSchema = z
  .object({
    staffId: z.uuid().describe('The staff member.'),
    name: z.string().describe('Their name.'),
    reasons: z.array(z.string()).min(1).describe('Why they are not offered, e.g. "DBS check expired on 2026-11-21".'),
  })
  .describe('A member of staff not offered, and why.');

export const MediatorCandidatesSchema = z
  .object({
    caseId: z.uuid().describe('The case.'),
    window: z
      .object({ from: z.iso.datetime({ offset: true }).describe('From.'), to: z.iso.datetime({ offset: true }).describe('To.') })
      .describe('The availability window.'),
    wanted: z
      .object({
        language: z.string().nullable().describe('The language ranked on (asked, or a party’s interpreter language).'),
        skills: z.array(z.string()).describe('The skills ranked on.'),
      })
      .describe('What the ranking looked for.'),
    candidates: z.array(CandidateSchema).describe('Offered, best first.'),
    excluded: z.array(ExcludedCandidateSchema).describe('Not offered, with the reasons.'),
  })
  .describe('Mediators ranked for a case.');
export type MediatorCandidates = z.infer<typeof MediatorCandidatesSchema>;
