import { ProblemError } from '@mediation/platform';
import type { CaseRecord } from './case.repository';

/**
 * When something on a case happened can be given late, but not before the case existed nor in the
 * future: a backdated closure or milestone would move clocks, retention and KPIs to a date that never was.
 * The case exists from the referral's receipt (its clocks start then), which is moments before casework opens it.
 */
export function assertOccurredWithinCase(c: Pick<CaseRecord, 'openedAt' | 'receivedAt'>, occurredAt: Date, now: Date, field = 'occurredAt'): void {
  if (occurredAt.getTime() > now.getTime()) throw ProblemError.validation([{ field, message: 'must not be in the future', code: 'in_future' }]);
  const began = caseBegan(c);
  if (occurredAt.getTime() < began.getTime()) throw ProblemError.validation([{ field, message: `must not be before the case began (${began.toISOString()})`, code: 'before_case' }]);
}

function caseBegan(c: Pick<CaseRecord, 'openedAt' | 'receivedAt'>): Date {
  return c.receivedAt && c.receivedAt.getTime() < c.openedAt.getTime() ? c.receivedAt : c.openedAt;
}
