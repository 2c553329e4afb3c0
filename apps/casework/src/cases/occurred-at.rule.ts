import { atLondonTime } from '@mediation/calendar';
import { ProblemError } from '@mediation/platform';
import type { ServiceLine } from '@mediation/protocol';
import type { CaseRecord } from './case.repository';

export type CaseLife = Pick<CaseRecord, 'openedAt' | 'receivedAt' | 'dates'>;

/**
 * When something on a case happened can be given late, but not before the case existed nor in the
 * future: a backdated closure or milestone would move clocks, retention and KPIs to a date that never was.
 * A case entered late may record what already happened, so it exists from the earliest of the referral's
 * receipt, casework opening it, and the form's dates that are history (`notInFuture`, e.g. the day the LA was told).
 */
export function assertOccurredWithinCase(c: CaseLife, line: Pick<ServiceLine, 'form'>, occurredAt: Date, now: Date, field = 'occurredAt'): void {
  if (occurredAt.getTime() > now.getTime()) throw ProblemError.validation([{ field, message: 'must not be in the future', code: 'in_future' }]);
  const began = caseBegan(c, line);
  if (occurredAt.getTime() < began.getTime())
    throw ProblemError.validation([{ field, message: `must not be before the case began (${began.toISOString()})`, code: 'before_case' }]);
}

/** The earliest moment something on the case can be dated; a form date is its London day from midnight. */
export function caseBegan(c: CaseLife, line: Pick<ServiceLine, 'form'>): Date {
  const dates = (c.dates ?? {}) as Record<string, unknown>;
  const history = line.form.fields
    .filter((f) => f.notInFuture && typeof dates[f.key] === 'string')
    .map((f) => String(dates[f.key]))
    .map((value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? atLondonTime(value, '00:00') : new Date(value)))
    .filter((d) => !Number.isNaN(d.getTime()));
  const candidates = [c.openedAt, ...(c.receivedAt ? [c.receivedAt] : []), ...history];
  return new Date(Math.min(...candidates.map((d) => d.getTime())));
}
