import { atLondonTime, londonDate, type WorkingCalendar } from '@mediation/calendar';

/**
 * When the reminders before a session go: at 09:00 London two working days before its day (the line's
 * closure days and bank holidays not counted) and at 08:00 on the morning of the day. A reminder whose
 * time is not before the session's start is not sent. Lines cannot yet set their own (the contract
 * definition has no field for them): these are the defaults.
 */
export const SESSION_REMINDERS = [
  { workingDaysBefore: 2, at: '09:00' },
  { workingDaysBefore: 0, at: '08:00' },
] as const;

export function sessionReminderTimes(startsAt: Date, calendar: WorkingCalendar): { reminder: number; at: Date }[] {
  const day = londonDate(startsAt);
  return SESSION_REMINDERS.map((r, reminder) => ({
    reminder,
    at: atLondonTime(r.workingDaysBefore === 0 ? day : calendar.daysBefore(day, r.workingDaysBefore, 'working'), r.at),
  })).filter((r) => r.at < startsAt);
}
