import { z } from 'zod';
import { BasisSchema, KeySchema, LabelSchema } from './basis.schema';
import { PARTY_ROLES } from './party-role.schema';

/** Who a reminder can go to. */
export const REMINDER_AUDIENCES = ['assigned-staff', 'parties'] as const;

/** `<aggregate>.<what happened>` in the domain's words, e.g. `referral.received`, `case.opened`, `mediation.held`. */
export const DomainEventNameSchema = z
  .string()
  .regex(/^[a-z][a-z-]*\.[a-z][a-z-]*$/, 'must look like <aggregate>.<event>, e.g. referral.received')
  .describe('A domain event that starts or stops a clock, e.g. `referral.received`, `case.opened`, `mediation.held`, `certificate.issued`.');

export const DayKindSchema = z
  .enum(['calendar', 'working'])
  .describe('Calendar days, or working days (Monday to Friday less England and Wales bank holidays and the contract’s closure days).');

export const DueSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('calendar-days').describe('The kind of due time.'),
        days: z.number().int().nonnegative().max(3660).describe('Calendar days after the start.'),
      })
      .strict()
      .describe('Due N calendar days after the start event.'),
    z
      .object({
        kind: z.literal('working-days').describe('The kind of due time.'),
        days: z.number().int().nonnegative().max(2600).describe('Working days after the start.'),
      })
      .strict()
      .describe('Due N working days after the start event.'),
    z
      .object({
        kind: z.literal('before-date-field').describe('The kind of due time.'),
        field: KeySchema.describe('A date or datetime field of the referral form, e.g. `hearingDate`.'),
        days: z.number().int().nonnegative().max(3660).describe('How many days before that date.'),
        dayKind: DayKindSchema.default('calendar'),
      })
      .strict()
      .describe('Due N days before a date given on the referral, e.g. a hearing.'),
    z
      .object({
        kind: z.literal('later-of-months').describe('The kind of due time.'),
        field: KeySchema.describe('A date field of the referral form, e.g. `decisionLetterDate`.'),
        fieldMonths: z.number().int().nonnegative().max(36).describe('Months after that date.'),
        startMonths: z.number().int().nonnegative().max(36).describe('Months after the start event (e.g. the certificate date).'),
        tribunalTime: z
          .enum(['send'])
          .optional()
          .describe(
            '`send`: the SEND tribunal’s time rules (HESC Rules 2008 r.12): an end from 25 December to 1 January moves to the first working day after 1 January, an end in August to the first working day in September, an end on a non-working day to the next working day; due by 17:00.',
          ),
      })
      .strict()
      .describe('Due at the later of N months after a date on the referral and M months after the start event, e.g. a SEND appeal.'),
  ])
  .describe('When the clock runs out.');
export type Due = z.infer<typeof DueSchema>;

export const ReminderSchema = z
  .object({
    days: z.number().int().positive().max(365).describe('How long before the due time.'),
    dayKind: DayKindSchema.default('working'),
    audience: z
      .array(
        z
          .enum(REMINDER_AUDIENCES)
          .describe('`assigned-staff`: the staff assigned to the case; `parties`: the parties who have an email address and have not asked not to be emailed.'),
      )
      .min(1)
      .default(['assigned-staff'])
      .describe('Who is told: the staff assigned to the case, and/or the parties who have an email address and have not asked not to be emailed.'),
    partyRoles: z
      .array(z.enum(PARTY_ROLES).describe('A party role, e.g. `parent`.'))
      .min(1)
      .optional()
      .describe('With `parties` in the audience: only the parties in these roles (e.g. the family, not the local authority); every party when omitted.'),
  })
  .strict()
  .describe('A reminder before a deadline falls due.');

export const DeadlineRuleSchema = z
  .object({
    key: KeySchema.describe('The rule’s key, e.g. `initial-contact`.'),
    label: LabelSchema,
    startEvent: DomainEventNameSchema.describe('The event that starts the clock.'),
    stopEvent: DomainEventNameSchema.describe('The event that meets the deadline and stops the clock.'),
    cancelEvents: z
      .array(DomainEventNameSchema)
      .max(5)
      .default([])
      .describe('Events that end the clock without meeting or breaching it, e.g. `mediation.declined` for a mediation that will not be held.'),
    repeats: z
      .boolean()
      .default(false)
      .describe(
        'The clock starts again each time its start event happens after the previous one was settled (met, breached or cancelled), e.g. the case report after each closure of a reopened case.',
      ),
    startsFromField: KeySchema.optional().describe(
      'A date field of the referral form the clock counts from instead of the start event’s time, e.g. the date the local authority was told (`laInformedDate`).',
    ),
    due: DueSchema,
    startsInOfficeHours: z.boolean().default(false).describe('A start outside the service line’s office hours counts from the next opening.'),
    reminders: z.array(ReminderSchema).max(5).default([]).describe('Reminders before it falls due.'),
    kind: z
      .enum(['provider', 'informational'])
      .default('provider')
      .describe(
        '`provider`: the provider’s own clock, breached when missed; `informational`: someone else’s (e.g. the family’s appeal deadline), shown but never breached against the provider.',
      ),
    pausable: z
      .boolean()
      .default(false)
      .describe(
        'The clock stops while the case is paused (e.g. the service user asks to defer, agreed with the buyer’s officer) and resumes with the days it had left. Only for a provider clock counted in days from its start: a hearing or a statutory date does not move because the provider paused.',
      ),
    basis: BasisSchema,
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (!rule.pausable) return;
    if (rule.kind === 'informational')
      ctx.addIssue({ code: 'custom', path: ['pausable'], message: 'an informational clock is someone else’s and cannot be paused by the provider' });
    else if (rule.due.kind === 'before-date-field' || rule.due.kind === 'later-of-months')
      ctx.addIssue({
        code: 'custom',
        path: ['pausable'],
        message: `a clock due by a date on the case (${rule.due.kind}) cannot be paused: that date does not move because the provider paused`,
      });
  })
  .describe('A clock on a case: what starts it, what stops it, when it is due and why.');
export type DeadlineRule = z.infer<typeof DeadlineRuleSchema>;
