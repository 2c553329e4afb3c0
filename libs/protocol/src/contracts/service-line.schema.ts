import { z } from 'zod';
import { BasisSchema, CalendarDateSchema, KeySchema, LabelSchema, uniqueKeys } from './basis.schema';
import { DayKindSchema, DeadlineRuleSchema, DomainEventNameSchema } from './deadline-rule.schema';
import { ReferralFormSchema } from './form.schema';
import { WorkflowSchema } from './workflow.schema';
import { KpiSchema } from './kpi.schema';
import { PricingSchema } from './pricing.schema';
import { StaffRequirementsSchema } from './staff-requirements.schema';
import { PartyContactSchema } from './party-contact.schema';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');
const Opening = z
  .object({ open: Time.describe('Opens at, HH:MM.'), close: Time.describe('Closes at, HH:MM.') })
  .strict()
  .refine((o) => o.open < o.close, { message: 'must open before it closes', path: ['close'] })
  .describe('One opening on a weekday.');

export const OfficeHoursSchema = z
  .object({
    timeZone: z.literal('Europe/London').default('Europe/London').describe('Office hours are wall-clock times in London.'),
    weekly: z
      .object(
        Object.fromEntries(WEEKDAYS.map((day) => [day, z.array(Opening).max(4).default([]).describe(`Openings on ${day}; none means closed.`)])) as Record<
          (typeof WEEKDAYS)[number],
          z.ZodDefault<z.ZodArray<typeof Opening>>
        >,
      )
      .strict()
      .describe('Openings per weekday.'),
    basis: BasisSchema.optional(),
  })
  .strict()
  .describe('When referrals are received and office-hours clocks run.');

export const ClosureDaySchema = z
  .object({ date: CalendarDateSchema, reason: z.string().trim().max(200).optional().describe('Why, e.g. the council’s Christmas closure.') })
  .strict()
  .describe('A day the service is closed besides bank holidays.');

export const OutcomeSchema = z
  .object({
    key: KeySchema,
    label: LabelSchema,
    expected: z.boolean().describe('Whether it counts toward the expected-outcome KPI.'),
    basis: BasisSchema.optional(),
  })
  .strict()
  .describe('A way a case can close.');
export type Outcome = z.infer<typeof OutcomeSchema>;

export const CaseTypeSchema = z
  .object({ key: KeySchema, label: LabelSchema, description: z.string().trim().max(1000).optional().describe('What such a case is.') })
  .strict()
  .describe('A kind of case.');

export const SessionTypeSchema = z
  .object({
    key: KeySchema,
    label: LabelSchema,
    mode: z.enum(['remote', 'in-person', 'either']).describe('How it is held.'),
    durationMinutes: z.number().int().positive().max(1440).optional().describe('Typical length.'),
    heldMilestone: DomainEventNameSchema.optional().describe(
      'The milestone a held session of this kind reaches, e.g. `mediation.held` (scheduling.session.held.v1 carries it to the deadline engine).',
    ),
  })
  .strict()
  .describe('A kind of session (mediation, visit, witnessing, meeting).');

export const ConsentSchema = z
  .object({
    required: z.boolean().describe('Whether consent must be recorded before the case is opened.'),
    givenBy: z.enum(['service-user', 'all-parties', 'parent-or-young-person', 'person-referred', 'not-required']).describe('Who gives consent.'),
    givenTo: z.string().trim().max(200).optional().describe('To whom, e.g. the council.'),
    basis: BasisSchema,
  })
  .strict()
  .describe('The consent the referral needs.');

/** The kinds of referrer a service line may take referrals from; `other` is anyone else, e.g. a member of the public. */
export const REFERRER_TYPES = ['council', 'court', 'police', 'local-authority', 'opcc', 'dfe', 'cafcass', 'parent-or-young-person', 'other'] as const;
export type ReferrerType = (typeof REFERRER_TYPES)[number];

export const ReferrerRuleSchema = z
  .object({
    who: LabelSchema.describe('Who may refer, e.g. "An authorised officer of the Council (or an officer they designate)".'),
    roles: z.array(z.enum(REFERRER_TYPES)).min(1).describe('The kinds of body that may refer.'),
    basis: BasisSchema,
  })
  .strict()
  .describe('Who may refer to the service line.');

export const AcknowledgementSchema = z
  .object({
    onReceipt: z.boolean().describe('Acknowledge to the referrer as soon as the referral is received.'),
    channel: z.enum(['email']).default('email').describe('How.'),
    basis: BasisSchema,
  })
  .strict()
  .describe('Acknowledging a referral.');

export const ReportRecipientSchema = z
  .object({
    role: LabelSchema.optional().describe('A role, e.g. "authorised officer", "commissioner".'),
    email: z.email().max(320).optional().describe('An address, when known.'),
    reports: z
      .array(z.enum(['case-closure', 'monthly-performance', 'data-return', 'invoice']))
      .min(1)
      .describe('Which reports they receive.'),
  })
  .strict()
  .refine((r) => r.role || r.email, { message: 'needs a role or an email', path: ['role'] })
  .describe('Someone who receives reports.');

export const ComplaintsPolicySchema = z
  .object({
    acknowledgeWithin: z
      .object({ days: z.number().int().positive().max(60).describe('Days after receipt (the day of receipt not counted).'), dayKind: DayKindSchema })
      .strict()
      .describe('How soon a complaint is acknowledged to the complainant, counted from its receipt.'),
    respondWithin: z
      .object({
        days: z.number().int().positive().max(120).describe('Days to the response (the day counted from not counted).'),
        dayKind: DayKindSchema,
        from: z
          .enum(['received', 'acknowledged'])
          .describe('Counted from the receipt, or from the acknowledgement (as the Housing Ombudsman’s Code counts a stage 1 response).'),
      })
      .strict()
      .describe('How soon the complainant has the response (the complaint is resolved).'),
    tellReferrer: z
      .boolean()
      .describe(
        'Whether the referring officer is emailed when a complaint is received on one of their cases (no complaint text, only the reference and the dates).',
      ),
    basis: BasisSchema,
  })
  .strict()
  .describe('The complaints process the line follows: the timescales for acknowledging and responding, and whether the buyer’s officer is told.');
export type ComplaintsPolicy = z.infer<typeof ComplaintsPolicySchema>;

/** Without a policy in the contract the provider’s own standard applies: acknowledge in 5 working days, respond in 20 working days from receipt. */
export const PROVIDER_COMPLAINTS_POLICY: ComplaintsPolicy = {
  acknowledgeWithin: { days: 5, dayKind: 'working' },
  respondWithin: { days: 20, dayKind: 'working', from: 'received' },
  tellReferrer: false,
  basis: {
    kind: 'provider-practice',
    text: 'The contract sets no complaints timescales, so the provider’s own complaints procedure applies: acknowledged within 5 working days, responded to within 20 working days of receipt.',
    source: { document: 'Provider complaints procedure' },
  },
};

/** A line without its own complaints policy follows the provider’s standard one. */
export function complaintsPolicyOf(line: { complaints?: ComplaintsPolicy }): ComplaintsPolicy {
  return line.complaints ?? PROVIDER_COMPLAINTS_POLICY;
}

export const ServiceLineSchema = z
  .object({
    key: KeySchema.describe('The key a referral names in `serviceLine`, e.g. `noise`.'),
    name: LabelSchema,
    description: z.string().trim().max(4000).optional().describe('What the service line delivers.'),
    referrers: z
      .array(ReferrerRuleSchema)
      .max(10)
      .default([])
      .describe(
        'Who may refer: a referral whose `referrerType` is none of their roles is refused (kept as rejected, `referrer-not-allowed`); none listed means anyone may.',
      ),
    form: ReferralFormSchema,
    caseTypes: z
      .array(CaseTypeSchema)
      .max(50)
      .default([])
      .superRefine(uniqueKeys<{ key: string }>((c) => c.key, 'case type'))
      .describe('Kinds of case.'),
    sessionTypes: z
      .array(SessionTypeSchema)
      .max(50)
      .default([])
      .superRefine(uniqueKeys<{ key: string }>((s) => s.key, 'session type'))
      .describe('Kinds of session.'),
    outcomes: z
      .array(OutcomeSchema)
      .max(50)
      .superRefine(uniqueKeys<{ key: string }>((o) => o.key, 'outcome'))
      .describe('How cases close.'),
    deadlineRules: z
      .array(DeadlineRuleSchema)
      .max(50)
      .default([])
      .superRefine(uniqueKeys<{ key: string }>((d) => d.key, 'deadline rule'))
      .describe('The clocks on each case.'),
    kpis: z
      .array(KpiSchema)
      .max(50)
      .default([])
      .superRefine(uniqueKeys<{ key: string }>((k) => k.key, 'KPI'))
      .describe('What performance is measured against.'),
    pricing: PricingSchema.optional().describe('How the line is priced; absent until known.'),
    officeHours: OfficeHoursSchema.optional().describe('Office hours; absent means no office-hours rule.'),
    closureDays: z.array(ClosureDaySchema).max(366).default([]).describe('Days closed besides bank holidays.'),
    londonLivingWage: z
      .object({ required: z.boolean().describe('Whether staff must be paid at least the London Living Wage.'), basis: BasisSchema.optional() })
      .strict()
      .describe('The London Living Wage commitment.'),
    staffRequirements: StaffRequirementsSchema.optional().describe(
      'Checks and accreditations staff on the line must hold in date; absent means none beyond what staff hold.',
    ),
    consent: ConsentSchema.optional().describe('The consent a referral needs.'),
    acknowledgement: AcknowledgementSchema.optional().describe('How referrals are acknowledged.'),
    sessionNotice: z
      .object({
        minWorkingDays: z.number().int().positive().max(60).describe('Parties are told the date at least this many working days ahead.'),
        basis: BasisSchema,
      })
      .strict()
      .optional()
      .describe('Notice of a session’s date.'),
    reportRecipients: z.array(ReportRecipientSchema).max(50).default([]).describe('Who receives which reports.'),
    partyContact: PartyContactSchema.optional().describe(
      'Which parties the platform may send which message (surveys, reminders, certificates), and which roles need the referral’s permission first; absent means every party may be sent every message, subject to their contact preferences.',
    ),
    dataRetentionMonths: z.number().int().positive().max(1200).describe('How long case data is kept after closure, in months.'),
    duplicateWindowDays: z
      .number()
      .int()
      .positive()
      .max(3650)
      .default(90)
      .describe('Referrals naming the same parties and address within this many days are flagged as possible duplicates (default 90).'),
    complaints: ComplaintsPolicySchema.optional().describe(
      'The complaints process on this line; absent means the provider’s standard (acknowledge in 5 working days, respond in 20 working days from receipt, the referrer not told).',
    ),
    workflow: WorkflowSchema.optional().describe(
      'The statuses and moves of a case on this line; absent means the standard workflow (referred -> accepted -> contacted -> in-progress -> closed, reopened to in-progress).',
    ),
  })
  .strict()
  .superRefine((line, ctx) => {
    const fields = new Map(line.form.fields.map((f) => [f.key, f]));
    const isDateField = (key: string) => ['date', 'datetime'].includes(fields.get(key)?.type ?? '');
    line.deadlineRules.forEach((rule, index) => {
      if ((rule.due.kind === 'before-date-field' || rule.due.kind === 'later-of-months') && !isDateField(rule.due.field)) {
        ctx.addIssue({
          code: 'custom',
          path: ['deadlineRules', index, 'due', 'field'],
          message: `must name a date or datetime field of the form; "${rule.due.field}" is not one`,
        });
      }
      if (rule.startsFromField && !isDateField(rule.startsFromField)) {
        ctx.addIssue({
          code: 'custom',
          path: ['deadlineRules', index, 'startsFromField'],
          message: `must name a date or datetime field of the form; "${rule.startsFromField}" is not one`,
        });
      }
    });
    const rules = new Set(line.deadlineRules.map((r) => r.key));
    const outcomes = new Set(line.outcomes.map((o) => o.key));
    line.partyContact?.permissions.forEach((permission, index) => {
      if (fields.get(permission.field)?.type !== 'boolean')
        ctx.addIssue({
          code: 'custom',
          path: ['partyContact', 'permissions', index, 'field'],
          message: `must name a yes/no (boolean) field of the form; "${permission.field}" is not one`,
        });
    });
    line.partyContact?.messages.forEach((rule, index) =>
      rule.notOnOutcomes.forEach((exception, e) =>
        exception.outcomes.forEach((o, i) => {
          if (!outcomes.has(o))
            ctx.addIssue({
              code: 'custom',
              path: ['partyContact', 'messages', index, 'notOnOutcomes', e, 'outcomes', i],
              message: `no outcome "${o}" in this service line`,
            });
        }),
      ),
    );
    line.kpis.forEach((kpi, index) => {
      const m = kpi.measure;
      if (m.kind === 'deadline-met-rate' && !rules.has(m.deadlineRule))
        ctx.addIssue({
          code: 'custom',
          path: ['kpis', index, 'measure', 'deadlineRule'],
          message: `no deadline rule "${m.deadlineRule}" in this service line`,
        });
      if (m.kind === 'outcome-rate') {
        m.outcomes.forEach((o, i) => {
          if (!outcomes.has(o))
            ctx.addIssue({ code: 'custom', path: ['kpis', index, 'measure', 'outcomes', i], message: `no outcome "${o}" in this service line` });
        });
      }
    });
  })
  .describe('One service the contract buys: its referral form, clocks, outcomes, KPIs and price, as data.');
export type ServiceLine = z.infer<typeof ServiceLineSchema>;
export type ServiceLineInput = z.input<typeof ServiceLineSchema>;
/** The parts of a service line that several lines of one contract often share. */
export type ServiceLineRules = Omit<ServiceLineInput, 'key' | 'name' | 'description' | 'form' | 'caseTypes' | 'sessionTypes'>;
export type FormFieldInput = ServiceLineInput['form']['fields'][number];
