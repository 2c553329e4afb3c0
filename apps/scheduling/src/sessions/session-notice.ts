import { londonDate, type WorkingCalendar } from '@mediation/calendar';
import { ProblemError } from '@mediation/platform';
import type { ServiceLine } from '@mediation/protocol';

/**
 * Working days of notice a booking gives: the working days after the booking day up to and including
 * the session day. Told on a Monday of a session the next Monday is 5 working days' notice, the
 * reading of "at least 5 working days before it" (SEND Regulations 2014, mediation: general).
 */
export function noticeWorkingDays(bookedAt: Date, startsAt: Date, calendar: WorkingCalendar): number {
  return calendar.workingDaysBetween(londonDate(bookedAt), londonDate(startsAt));
}

export type NoticeVerdict = { ok: true; given: number } | { ok: false; given: number; required: number };

/** Whether a booking meets the line's notice rule; a waiver by the parties lets less through. */
export function checkNotice(bookedAt: Date, startsAt: Date, minWorkingDays: number | null, waived: boolean, calendar: WorkingCalendar): NoticeVerdict {
  const given = noticeWorkingDays(bookedAt, startsAt, calendar);
  if (minWorkingDays === null || waived || given >= minWorkingDays) return { ok: true, given };
  return { ok: false, given, required: minWorkingDays };
}

/**
 * The problem a booking or a move that gives too little notice answers: 422 (the body is well formed; the contract's rule
 * refuses it, as the other rules of a line or a member of staff do), naming `startsAt` and quoting the rule.
 */
export function noticeProblem(
  line: Pick<ServiceLine, 'name' | 'sessionNotice'>,
  notice: { given: number; required: number },
  what: 'booking' | 'move',
): ProblemError {
  const source = line.sessionNotice?.basis.source;
  return new ProblemError({
    type: 'https://mediation.example/problems/session-notice',
    title: 'Not enough notice',
    status: 422,
    detail: `${line.name} needs at least ${notice.required} working days' notice of a session (${source?.document ?? 'the contract'}${source?.section ? `, ${source.section}` : ''}: "${line.sessionNotice?.basis.text ?? ''}"); this ${what} gives ${notice.given}. Choose a later date, or record that the parties agreed to less in noticeWaived.`,
    errors: [
      {
        field: 'startsAt',
        message: `gives ${notice.given} working days' notice; the rule sessionNotice.minWorkingDays needs ${notice.required} unless noticeWaived is given`,
        code: 'session-notice',
      },
    ],
  });
}
