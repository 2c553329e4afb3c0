import type { FeeBasis } from './statement';

/** The pay terms on a staff record when the session was held (scheduling.session.staff-worked.v1). */
export interface PayTerms {
  payRatePence: number;
  sessionFeePence: number | null;
}

export interface StaffFeeRule {
  basis: FeeBasis;
  ratePence: number;
  feePence: number;
}

/** Minutes worked: the session from its booked start to its end, to the nearest minute. */
export const minutesWorked = (startsAt: Date, endsAt: Date): number => Math.max(0, Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000));

/**
 * What one session pays one member of staff: their fee per session when the record has one (sessional
 * mediators), else their hourly rate for the minutes worked, rounded to the nearest penny.
 */
export function staffFee(terms: PayTerms, minutes: number): StaffFeeRule {
  if (terms.sessionFeePence !== null) return { basis: 'per-session', ratePence: terms.sessionFeePence, feePence: terms.sessionFeePence };
  return { basis: 'hourly', ratePence: terms.payRatePence, feePence: Math.round((terms.payRatePence * minutes) / 60) };
}
