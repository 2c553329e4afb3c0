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
