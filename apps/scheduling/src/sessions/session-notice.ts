import { londonDate, type WorkingCalendar } from '@mediation/calendar';

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
