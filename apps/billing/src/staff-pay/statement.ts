import { addDaysToDate, addMonthsToDate, londonDate } from '@mediation/calendar';
import { londonLivingWageOn, StaffStatementSummarySchema, type StaffStatementSummary, type StaffStatementView } from '@mediation/protocol';

export type FeeBasis = 'per-session' | 'hourly';

/** One fee as the statement needs it (a `staff_fee` row). */
export interface FeeLine {
  staffId: string;
  staffName: string;
  sessionId: string;
  caseId: string;
  contractId: string;
  sessionType: string;
  heldAt: Date;
  minutes: number;
  basis: string;
  ratePence: number;
  feePence: number;
}

/** The London month an instant falls in, `YYYY-MM`: a session held at 00:30 on 1 June London time is June's. */
export const londonMonthOf = (instant: Date): string => londonDate(instant).slice(0, 7);

/** A month's first and last London days. */
export function monthDays(period: string): { from: string; to: string } {
  const from = `${period}-01`;
  return { from, to: addDaysToDate(addMonthsToDate(from, 1), -1) };
}

export interface LivingWageJudgement {
  effectiveHourlyRatePence: number | null;
  meetsLondonLivingWage: boolean;
  shortfallPence: number;
}

/**
 * The London Living Wage check of a statement (seed 001 Appendix A §11.1): the effective hourly rate is
 * the fees over the hours worked; it meets the wage when fees ≥ rate × hours (compared in whole pence ×
 * minutes, no rounding), and the shortfall is what would bring the fees up to it. £30 for a 3-hour
 * session at £14.80/h: £10.00/h, short by £44.40 − £30.00 = £14.40.
 */
export function judgeLivingWage(feesPence: number, minutes: number, ratePence: number): LivingWageJudgement {
  if (minutes === 0) return { effectiveHourlyRatePence: null, meetsLondonLivingWage: true, shortfallPence: 0 };
  const meets = feesPence * 60 >= ratePence * minutes;
  return {
    effectiveHourlyRatePence: Math.floor((feesPence * 60) / minutes),
    meetsLondonLivingWage: meets,
    shortfallPence: meets ? 0 : Math.ceil((ratePence * minutes) / 60) - feesPence,
  };
}

/** A member of staff's month from its fees (all of one staff member and month), checked against the wage in force on the month's first day. */
export function statementOf(staffId: string, period: string, fees: readonly FeeLine[]): StaffStatementView {
  const lines = [...fees].sort((a, b) => a.heldAt.getTime() - b.heldAt.getTime() || a.sessionId.localeCompare(b.sessionId));
  const days = monthDays(period);
  const minutes = lines.reduce((sum, l) => sum + l.minutes, 0);
  const feesPence = lines.reduce((sum, l) => sum + l.feePence, 0);
  const wage = londonLivingWageOn(days.from);
  return {
    staffId,
    name: lines.at(-1)?.staffName ?? '',
    period,
    ...days,
    sessions: lines.length,
    minutesWorked: minutes,
    hoursWorked: Math.round((minutes * 100) / 60) / 100,
    feesPence,
    londonLivingWage: { ratePence: wage.pencePerHour, payableFrom: wage.payableFrom, source: wage.source },
    ...judgeLivingWage(feesPence, minutes, wage.pencePerHour),
    lines: lines.map((l) => ({
      sessionId: l.sessionId,
      caseId: l.caseId,
      contractId: l.contractId,
      sessionType: l.sessionType,
      heldAt: l.heldAt.toISOString(),
      minutes: l.minutes,
      basis: l.basis as FeeBasis,
      ratePence: l.ratePence,
      feePence: l.feePence,
    })),
  };
}

/** The statement without its lines, as lists and the payroll show it. */
export const summaryOf = (statement: StaffStatementView): StaffStatementSummary => StaffStatementSummarySchema.parse(statement);

/** Fees grouped by one key (the month, or the member of staff), in first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
