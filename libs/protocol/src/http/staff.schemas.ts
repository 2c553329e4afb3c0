import { z } from 'zod';
import { CalendarDateSchema, KeySchema } from '../contracts/basis.schema';
import { WEEKDAYS } from '../contracts/service-line.schema';
import { AccreditationKindSchema } from '../contracts/staff-requirements.schema';

const Time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)')
  .describe('A London wall-clock time, HH:MM.');

export const TimeSlotSchema = z
  .object({ start: Time.describe('Starts at, HH:MM London time.'), end: Time.describe('Ends at, HH:MM London time.') })
  .strict()
  .refine((slot) => slot.start < slot.end, { message: 'must start before it ends', path: ['end'] })
  .describe('A slot of time on one day, in London wall-clock time.');
export type TimeSlot = z.infer<typeof TimeSlotSchema>;

export const WeeklyAvailabilitySchema = z
  .object(
    Object.fromEntries(
      WEEKDAYS.map((day) => [day, z.array(TimeSlotSchema).max(6).default([]).describe(`Slots on ${day}; none means not available.`)]),
    ) as Record<(typeof WEEKDAYS)[number], z.ZodDefault<z.ZodArray<typeof TimeSlotSchema>>>,
  )
  .strict()
  .describe('When the person usually works, per weekday, in London wall-clock time (sessional staff work a few slots a week).');
export type WeeklyAvailability = z.infer<typeof WeeklyAvailabilitySchema>;

export const StaffServiceLineSchema = z
  .object({
    contractId: z.uuid().describe('The contract.'),
    serviceLine: KeySchema.describe('The service line key within the contract, e.g. `send-mediation`.'),
  })
  .strict()
  .describe('A service line the person works on.');
export type StaffServiceLine = z.infer<typeof StaffServiceLineSchema>;

export const SkillSchema = KeySchema.describe('A skill, e.g. `send`, `family`, `housing`, `professional-witness`, `restorative-justice`.');
export const LanguageSchema = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code, e.g. en, cy, pl, ur')
  .describe('A language the person can work in, as an ISO 639 code (e.g. `en`, `cy`, `pl`, `ur`).');

const PayRate = z
  .number()
  .int()
  .positive()
  .max(100_000)
  .describe('Pay in integer pence per hour, e.g. 1480 for £14.80; checked against the London Living Wage for lines that require it.');

const SessionFee = z
  .number()
  .int()
  .positive()
  .max(1_000_000)
  .nullable()
  .describe(
    'The fee paid for each session held, in integer pence (e.g. 6000 for £60), for sessional staff paid by the session; null when paid by the hour (payRatePence × the session’s hours). Billing records it per session on the monthly statement.',
  );

export const StaffStatusSchema = z.enum(['active', 'inactive']).describe('Only active staff are offered for cases and sessions.');

export const CreateStaffBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200).describe('The person’s name.'),
    email: z
      .email('must be an email address')
      .max(254)
      .transform((e) => e.toLowerCase())
      .describe('Where reminders and session notices go.'),
    phone: z.string().trim().max(40).optional().describe('A phone number.'),
    userId: z.uuid().optional().describe('Their sign-in account, so a mediator can read their own profile.'),
    serviceLines: z.array(StaffServiceLineSchema).max(50).default([]).describe('The service lines they work on.'),
    skills: z.array(SkillSchema).max(30).default([]).describe('Their skills.'),
    languages: z.array(LanguageSchema).max(20).default(['en']).describe('Languages they can work in.'),
    payRatePence: PayRate,
    sessionFeePence: SessionFee.optional(),
    maxCaseload: z.number().int().positive().max(500).describe('The most open cases they take at once.'),
    status: StaffStatusSchema.default('active'),
    weeklyAvailability: WeeklyAvailabilitySchema.default({ monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] }),
  })
  .strict()
  .describe('A new member of staff (a mediator, professional witness or case manager).');
export type CreateStaffBody = z.infer<typeof CreateStaffBodySchema>;

export const UpdateStaffBodySchema = z
  .object({
    name: CreateStaffBodySchema.shape.name.optional(),
    email: z
      .email('must be an email address')
      .max(254)
      .transform((e) => e.toLowerCase())
      .optional()
      .describe('Where reminders and session notices go.'),
    phone: z.string().trim().max(40).nullable().optional().describe('A phone number; null removes it.'),
    userId: z.uuid().nullable().optional().describe('Their sign-in account; null unlinks it.'),
    serviceLines: z.array(StaffServiceLineSchema).max(50).optional().describe('Replaces the service lines they work on.'),
    skills: z.array(SkillSchema).max(30).optional().describe('Replaces their skills.'),
    languages: z.array(LanguageSchema).max(20).optional().describe('Replaces their languages.'),
    payRatePence: PayRate.optional(),
    sessionFeePence: SessionFee.optional(),
    maxCaseload: z.number().int().positive().max(500).optional().describe('The most open cases they take at once.'),
    status: StaffStatusSchema.optional(),
    weeklyAvailability: WeeklyAvailabilitySchema.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'must change at least one field' })
  .describe('Changes to a member of staff; fields left out stay as they are.');
export type UpdateStaffBody = z.infer<typeof UpdateStaffBodySchema>;

export const StaffPayBodySchema = z
  .object({ payRatePence: PayRate.optional(), sessionFeePence: SessionFee.optional() })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'must change at least one field' })
  .describe('A member of staff’s pay: the hourly rate and/or the fee per session held; fields left out stay as they are.');
export type StaffPayBody = z.infer<typeof StaffPayBodySchema>;

export const AddAccreditationBodySchema = z
  .object({
    kind: AccreditationKindSchema,
    label: z.string().trim().min(1).max(200).optional().describe('What it is, for people, e.g. `FMC Family Mediator Accreditation`.'),
    reference: z.string().trim().max(100).optional().describe('The certificate or registration number.'),
    issuedAt: CalendarDateSchema.describe('When it was issued (London date).'),
    expiresAt: CalendarDateSchema.nullable().describe(
      'The last day it is valid (London date); null when it does not expire. A DBS check has no legal expiry; providers set a renewal date.',
    ),
  })
  .strict()
  .refine((a) => a.expiresAt === null || a.expiresAt >= a.issuedAt, { message: 'must not be before issuedAt', path: ['expiresAt'] })
  .describe('An accreditation or check held by a member of staff.');
export type AddAccreditationBody = z.infer<typeof AddAccreditationBodySchema>;

export const AccreditationViewSchema = z
  .object({
    id: z.uuid().describe('The accreditation id.'),
    kind: AccreditationKindSchema,
    label: z.string().describe('What it is.'),
    reference: z.string().nullable().describe('The certificate or registration number.'),
    issuedAt: CalendarDateSchema.describe('When it was issued.'),
    expiresAt: CalendarDateSchema.nullable().describe('The last day it is valid; null when it does not expire.'),
    status: z.enum(['valid', 'expiring', 'expired']).describe('Valid, expiring within 30 days, or expired (expired blocks allocation).'),
  })
  .describe('An accreditation or check.');

export const AvailabilityExceptionBodySchema = z
  .object({
    date: CalendarDateSchema.describe('The London date.'),
    kind: z.enum(['off', 'extra']).describe('`off`: not available that day (or in the given slot); `extra`: available in an extra slot.'),
    start: Time.optional().describe('Start of the slot, HH:MM; with `off` and no slot the whole day is off.'),
    end: Time.optional().describe('End of the slot, HH:MM.'),
    reason: z.string().trim().max(200).optional().describe('Why, e.g. annual leave.'),
  })
  .strict()
  .superRefine((e, ctx) => {
    if ((e.start === undefined) !== (e.end === undefined))
      ctx.addIssue({ code: 'custom', path: [e.start === undefined ? 'start' : 'end'], message: 'give both start and end, or neither' });
    if (e.kind === 'extra' && e.start === undefined) ctx.addIssue({ code: 'custom', path: ['start'], message: 'an extra slot needs start and end' });
    if (e.start !== undefined && e.end !== undefined && e.start >= e.end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
  })
  .describe('A change to the weekly availability on one date.');
export type AvailabilityExceptionBody = z.infer<typeof AvailabilityExceptionBodySchema>;

export const AvailabilityExceptionViewSchema = z
  .object({
    id: z.uuid().describe('The exception id.'),
    date: CalendarDateSchema.describe('The London date.'),
    kind: z.enum(['off', 'extra']).describe('Off or extra.'),
    start: z.string().nullable().describe('Start of the slot, or null for the whole day.'),
    end: z.string().nullable().describe('End of the slot, or null for the whole day.'),
    reason: z.string().nullable().describe('Why.'),
  })
  .describe('A change to the weekly availability on one date.');

export const DeclareConflictBodySchema = z
  .object({
    partyName: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('A person or organisation the staff member has a conflict with, e.g. a party they acted for before.'),
    caseId: z.uuid().optional().describe('A case they must not work on.'),
    reason: z.string().trim().min(1).max(1000).describe('Why, e.g. "acted for the landlord in 2024".'),
  })
  .strict()
  .refine((c) => c.partyName || c.caseId, { message: 'needs a partyName or a caseId', path: ['partyName'] })
  .describe('A declared conflict of interest; it blocks allocation to a case with that party or that case.');
export type DeclareConflictBody = z.infer<typeof DeclareConflictBodySchema>;

export const ConflictViewSchema = z
  .object({
    id: z.uuid().describe('The conflict id.'),
    partyName: z.string().nullable().describe('The party.'),
    caseId: z.uuid().nullable().describe('The case.'),
    reason: z.string().describe('Why.'),
    declaredAt: z.iso.datetime({ offset: true }).describe('When it was declared.'),
  })
  .describe('A declared conflict of interest.');

export const LivingWageCheckSchema = z
  .object({
    contractId: z.uuid().describe('The contract.'),
    serviceLine: z.string().describe('The service line.'),
    required: z.boolean().describe('Whether the line requires the London Living Wage; unknown lines count as not required.'),
    ratePence: z.number().int().describe('The London Living Wage per hour in pence used for the check.'),
    rateSince: CalendarDateSchema.describe('When that rate came into force: the Living Wage Foundation’s implementation date for it.'),
    meets: z.boolean().describe('Whether the pay rate is at least the London Living Wage (true when not required).'),
    upcoming: z
      .object({
        ratePence: z.number().int().describe('The announced rate per hour in pence.'),
        announcedOn: CalendarDateSchema.describe('When the Living Wage Foundation announced it.'),
        payableFrom: CalendarDateSchema.describe('The implementation date from which it must be paid.'),
        meets: z.boolean().describe('Whether the pay rate already reaches it (true when not required); false is a warning, not a block.'),
      })
      .nullable()
      .describe('A new rate announced but not payable yet, or null.'),
  })
  .describe('The London Living Wage check for one service line.');

export const StaffViewSchema = z
  .object({
    id: z.uuid().describe('The staff id.'),
    name: z.string().describe('Their name.'),
    email: z.email().describe('Their email.'),
    phone: z.string().nullable().describe('Their phone.'),
    userId: z.uuid().nullable().describe('Their sign-in account.'),
    serviceLines: z.array(StaffServiceLineSchema).describe('The service lines they work on.'),
    skills: z.array(z.string()).describe('Their skills.'),
    languages: z.array(z.string()).describe('Languages they work in.'),
    payRatePence: z.number().int().describe('Pay per hour in pence.'),
    sessionFeePence: z.number().int().nullable().describe('The fee per session held in pence; null when paid by the hour.'),
    maxCaseload: z.number().int().describe('The most open cases they take at once.'),
    status: StaffStatusSchema,
    weeklyAvailability: WeeklyAvailabilitySchema,
    availabilityExceptions: z.array(AvailabilityExceptionViewSchema).describe('Upcoming changes to the weekly availability.'),
    accreditations: z.array(AccreditationViewSchema).describe('Accreditations and checks.'),
    conflicts: z.array(ConflictViewSchema).describe('Declared conflicts of interest.'),
    livingWage: z.array(LivingWageCheckSchema).describe('The London Living Wage check per service line.'),
    createdAt: z.iso.datetime({ offset: true }).describe('When the profile was made.'),
    updatedAt: z.iso.datetime({ offset: true }).describe('When it last changed.'),
  })
  .describe('A member of staff.');
export type StaffView = z.infer<typeof StaffViewSchema>;

export const StaffListSchema = z.object({ items: z.array(StaffViewSchema).describe('The staff.') }).describe('Staff of the organisation.');
export type StaffList = z.infer<typeof StaffListSchema>;

export const StaffIdParamsSchema = z.object({ id: z.uuid().describe('The staff id.') }).describe('Path parameters.');
