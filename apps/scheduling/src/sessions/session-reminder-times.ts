import { atLondonTime, londonDate, type WorkingCalendar } from '@mediation/calendar';

export interface SessionReminderTime {
  workingDaysBefore: number;
  /** London time, HH:MM. */
  at: string;
}

/**
 * When the reminders before a session go, by default: at 09:00 London two working days before its day (the
 * line's closure days and bank holidays not counted) and at 08:00 on the morning of the day. A line may set
 * its own (`line_session_reminders`, per-contract data beside the definition). A reminder whose time is not
 * before the session's start is not sent.
 */
export const SESSION_REMINDERS: readonly SessionReminderTime[] = [
  { workingDaysBefore: 2, at: '09:00' },
  { workingDaysBefore: 0, at: '08:00' },
];

export function sessionReminderTimes(
  startsAt: Date,
  calendar: WorkingCalendar,
  reminders: readonly SessionReminderTime[] = SESSION_REMINDERS,
): { reminder: number; at: Date }[] {
  const day = londonDate(startsAt);
  return reminders
    .map((r, reminder) => ({
      reminder,
      at: atLondonTime(r.workingDaysBefore === 0 ? day : calendar.daysBefore(day, r.workingDaysBefore, 'working'), r.at),
    }))
    .filter((r) => r.at < startsAt);
}
