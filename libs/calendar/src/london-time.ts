import { TZDate } from '@date-fns/tz';

/** Every business rule is evaluated in London, whatever the server's own time zone. */
export const LONDON = 'Europe/London';

/** The London calendar date of an instant, as `YYYY-MM-DD`. */
export function londonDate(instant: Date): string {
  const d = new TZDate(instant.getTime(), LONDON);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The London wall-clock time of an instant, as `HH:mm`. */
export function londonTime(instant: Date): string {
  const d = new TZDate(instant.getTime(), LONDON);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The instant at a London wall-clock time on a London date: 09:00 is 08:00 UTC in summer, 09:00 in winter. */
export function atLondonTime(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, LONDON).getTime());
}

/** Weekday of a London date: 0 Sunday ... 6 Saturday. */
export function londonWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The London date `days` calendar days after a London date. */
export function addDaysToDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Calendar days from one London date to another: 1 from a day to the next, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The last millisecond of a London date: "within 30 days" runs to the end of the 30th day. */
export function endOfLondonDay(date: string): Date {
  return new Date(atLondonTime(addDaysToDate(date, 1), '00:00').getTime() - 1);
}

/** The London date `months` calendar months after a London date; a day the month lacks becomes its last (31 December + 2 months = 28 or 29 February). */
export function addMonthsToDate(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** `months` calendar months after an instant, at the same London wall-clock time (a retention period). */
export function addLondonMonths(start: Date, months: number): Date {
  return atLondonTime(addMonthsToDate(londonDate(start), months), londonTime(start));
}
