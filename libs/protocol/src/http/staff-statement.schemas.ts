import { z } from 'zod';
import { CalendarDateSchema } from '../contracts/basis.schema';

export const StatementPeriodSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM')
  .describe('A London calendar month, `YYYY-MM`: sessions held from its first day to its last, London time.');

export const StaffStatementParamsSchema = z
  .object({ id: z.uuid().describe('The staff id.'), period: StatementPeriodSchema })
  .strict()
  .describe('Path parameters.');

export const PayrollParamsSchema = z.object({ period: StatementPeriodSchema }).strict().describe('Path parameters.');

export const FeeBasisSchema = z
  .enum(['per-session', 'hourly'])
  .describe('How the fee was worked out: the fee per session on the staff record, or the hourly rate × the session’s hours.');

export const StatementLineSchema = z
  .object({
    sessionId: z.uuid().describe('The session held.'),
    caseId: z.uuid().describe('The case.'),
    contractId: z.uuid().describe('The contract.'),
    sessionType: z.string().describe('The session type, e.g. `mediation`.'),
    heldAt: z.iso.datetime({ offset: true }).describe('When it was held.'),
    minutes: z.number().int().describe('Minutes worked: the session from its start to its end, as booked.'),
    basis: FeeBasisSchema,
    ratePence: z.number().int().describe('The fee per session, or the hourly rate, in pence, in force when it was held.'),
    feePence: z.number().int().describe('The fee, in pence.'),
  })
  .describe('One session worked, and its fee.');

export const LondonLivingWageRateSchema = z
  .object({
    ratePence: z.number().int().describe('The London Living Wage in pence per hour in force on the month’s first day.'),
    payableFrom: CalendarDateSchema.describe('The date employers must pay it from.'),
    source: z.string().describe('Where the rate comes from.'),
  })
  .describe('The London Living Wage the statement is checked against (dated data, libs/protocol `london-living-wage.ts`).');

export const StaffStatementSummarySchema = z
  .object({
    staffId: z.uuid().describe('The member of staff.'),
    name: z.string().describe('Their name, as on their last session of the month.'),
    period: StatementPeriodSchema,
    from: CalendarDateSchema.describe('The month’s first London day.'),
    to: CalendarDateSchema.describe('The month’s last London day.'),
    sessions: z.number().int().describe('Sessions worked in the month.'),
    minutesWorked: z.number().int().describe('Minutes worked in the month.'),
    hoursWorked: z.number().describe('Hours worked, to two decimal places.'),
    feesPence: z.number().int().describe('The fees of the month, in pence.'),
    effectiveHourlyRatePence: z.number().int().nullable().describe('Fees ÷ hours worked, in pence per hour, rounded down; null with no time worked.'),
    londonLivingWage: LondonLivingWageRateSchema,
    meetsLondonLivingWage: z.boolean().describe('Whether the effective hourly rate reaches the London Living Wage.'),
    shortfallPence: z.number().int().describe('What the fees fall short of the London Living Wage for the hours worked, in pence; 0 when it is met.'),
  })
  .describe('A mediator’s month: sessions, hours, fees and the London Living Wage check (seed 001 Appendix A §11.1).');
export type StaffStatementSummary = z.infer<typeof StaffStatementSummarySchema>;

export const StaffStatementViewSchema = StaffStatementSummarySchema.extend({
  lines: z.array(StatementLineSchema).describe('Each session worked, oldest first.'),
}).describe('A mediator’s monthly statement with its sessions.');
export type StaffStatementView = z.infer<typeof StaffStatementViewSchema>;

export const StaffStatementListSchema = z
  .object({ items: z.array(StaffStatementSummarySchema).describe('One per month with a session worked, newest first.') })
  .describe('A member of staff’s monthly statements.');
export type StaffStatementList = z.infer<typeof StaffStatementListSchema>;

export const PayrollViewSchema = z
  .object({
    period: StatementPeriodSchema,
    items: z.array(StaffStatementSummarySchema).describe('Every member of staff with a session worked in the month, by name.'),
    totalFeesPence: z.number().int().describe('The month’s fees, in pence.'),
    belowLondonLivingWage: z.number().int().describe('How many statements fall below the London Living Wage.'),
  })
  .describe('The month’s payroll: each mediator’s statement without its lines.');
export type PayrollView = z.infer<typeof PayrollViewSchema>;

export const StatementFileSchema = z
  .object({
    filename: z.string().describe('The file name.'),
    contentType: z.literal('text/csv').describe('The media type.'),
    base64: z.string().describe('The file, base64-encoded.'),
  })
  .describe('A statement or payroll as CSV.');
export type StatementFile = z.infer<typeof StatementFileSchema>;
