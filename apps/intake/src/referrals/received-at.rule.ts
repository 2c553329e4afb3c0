import { londonDate } from '@mediation/calendar';
import { ProblemError } from '@mediation/platform';
import type { ContractDefinition } from '@mediation/protocol';

/** How far ahead of intake's clock a client's "now" may be before it counts as the future. */
export const CLOCK_SKEW_MS = 60_000;

/**
 * When a referral was received: when it is entered, or the earlier time given by the person entering
 * one that arrived before (phoned in on Friday, typed in on Monday). Never in the future, never before
 * the contract period began (London date): either is a 400 naming `receivedAt`.
 */
export function receivedAtOf(given: string | undefined, enteredAt: Date, period: ContractDefinition['period']): Date {
  if (given === undefined) return enteredAt;
  const receivedAt = new Date(given);
  if (receivedAt.getTime() > enteredAt.getTime() + CLOCK_SKEW_MS)
    throw ProblemError.validation([{ field: 'receivedAt', message: 'must not be in the future', code: 'in_future' }]);
  if (period?.start && londonDate(receivedAt) < period.start) {
    throw ProblemError.validation([
      { field: 'receivedAt', message: `must not be before the contract period began on ${period.start}`, code: 'before_contract' },
    ]);
  }
  return receivedAt;
}
