import { blockingExpiries, type AccreditationFacts } from './accreditation-status';
import { checkLivingWage, formatPence } from './london-living-wage';

export interface EligibilityFacts {
  status: string;
  payRatePence: number;
  accreditations: readonly AccreditationFacts[];
}

/**
 * Why a member of staff may not be allocated or booked now: inactive, an expired accreditation or
 * check, or pay below the London Living Wage on a line that requires it. Empty means eligible.
 */
export function ineligibility(staff: EligibilityFacts, today: string, livingWageRequired: boolean): string[] {
  const reasons: string[] = [];
  if (staff.status !== 'active') reasons.push('inactive');
  for (const expired of blockingExpiries(staff.accreditations, today)) reasons.push(`${expired.label} expired on ${expired.expiresOn}`);
  const wage = checkLivingWage(staff.payRatePence, livingWageRequired, today);
  if (!wage.meets) reasons.push(`paid ${formatPence(staff.payRatePence)}/h, below the London Living Wage of ${formatPence(wage.ratePence)}/h (since ${wage.rateSince}) this contract requires`);
  return reasons;
}
