import type { AssignmentView } from '@mediation/protocol';
import type { Principal } from '../auth/principal';
import { CASE_MANAGERS } from './case-access';

export const NOT_LINKED =
  'Your account is not linked to a staff profile: ask an administrator to link it (PATCH /v1/users/{id} with staffId), so the platform can tell which cases are yours.';
export const NOT_ASSIGNED =
  'You are not assigned to this case: a mediator reads a case’s sensitive data only while assigned to it (ask its case manager to assign you).';
export const NO_CASE = 'This referral has no case yet, so nobody is assigned to it: a mediator reads its sensitive answers once assigned to its case.';

/** What the rule decides from the caller alone: let them read, refuse them, or look at the case's assignments. */
export type CallerVerdict = { read: 'allowed' } | { read: 'refused'; reason: string } | { read: 'if-assigned'; staffId: string };

/**
 * Need-to-know (UK GDPR art. 5(1)(c), art. 9) for special-category and criminal-offence data of a case.
 * An API key that passed its route's scope is an integration system and keeps reading as before; a
 * person who manages the caseload reads any case; a person whose only case role is mediator reads a
 * case only while their linked staff profile has an open assignment on it.
 */
export function judgeCaller(principal: Principal): CallerVerdict {
  if (principal.actorType === 'api-key') return { read: 'allowed' };
  // They manage the caseload, so they may read any case's sensitive data; the rest read only their own cases'.
  if (principal.roles.some((role) => CASE_MANAGERS.roles.includes(role))) return { read: 'allowed' };
  if (!principal.roles.includes('mediator')) return { read: 'refused', reason: 'Only the people working a case read its sensitive data.' };
  if (!principal.staffId) return { read: 'refused', reason: NOT_LINKED };
  return { read: 'if-assigned', staffId: principal.staffId };
}

/** Whether the staff profile is on the case now: an ended assignment no longer gives a reason to read. */
export function judgeAssignments(staffId: string, assignments: readonly Pick<AssignmentView, 'staffId' | 'endedAt'>[]): string | undefined {
  return assignments.some((assignment) => assignment.staffId === staffId && assignment.endedAt === null) ? undefined : NOT_ASSIGNED;
}
