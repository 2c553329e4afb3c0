import { ProblemError } from '@mediation/platform';
import type { Ineligibility } from './staff-eligibility';

export interface Blocked {
  staffId: string;
  name: string;
  /** The request field naming them, e.g. `staffIds.0` or `staffId`. */
  field: string;
  reason: Ineligibility;
}

/** The one answer to staff the hard rules block, for booking and assignment alike: 409 naming each field with the rule's code. */
export function staffNotEligible(blocked: readonly Blocked[], action: 'booked' | 'assigned'): ProblemError {
  return new ProblemError({
    type: 'https://mediation.example/problems/staff-not-eligible',
    title: `Staff cannot be ${action}`,
    status: 409,
    detail: `Cannot be ${action}: ${blocked.map((b) => `staff ${b.staffId} (${b.name}): ${b.reason.message}`).join('; ')}.`,
    errors: blocked.map((b) => ({ field: b.field, message: `staff ${b.staffId}: ${b.reason.message}`, code: b.reason.code })),
  });
}
