import { TZDate } from '@date-fns/tz';

/** Every business rule is evaluated in London, whatever the server's own time zone. */
export const LONDON = 'Europe/London';

const HOUR_MS = 3_600_000;
/** Enough for years of hours or of distinct wall-clock times; past it the memo starts again. */
const MEMO_LIMIT = 20_000;
const offsetByHour = new Map<number, number>();
const instantByWallClock = new Map<string, number>();

/**
 * Milliseconds London is ahead of UTC at an instant. The zone database is asked once per UTC hour: London's
 * clocks have only ever changed on the hour (01:00 UTC since 1972), and asking it costs microseconds that
 * every referral, deadline and count paid several times over.
 */
function londonOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    if (offsetByHour.size >= MEMO_LIMIT) offsetByHour.clear();
    offset = -new TZDate(ms, LONDON).getTimezoneOffset() * 60_000;
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** The London date and time of an instant, as `YYYY-MM-DDTHH:mm` (an invalid date reads `NaN`, as it always did). */
function londonWallClock(instant: Date): string {
  const ms = instant.getTime();
  return Number.isNaN(ms) ? 'NaN-NaN-NaNTNaN:NaN' : new Date(ms + londonOffsetMs(ms)).toISOString().slice(0, 16);
}

/** The London calendar date of an instant, as `YYYY-MM-DD`. */
export function londonDate(instant: Date): string {
  return londonWallClock(instant).split('T')[0];
}

/** The London wall-clock time of an instant, as `HH:mm`. */
export function londonTime(instant: Date): string {
  return londonWallClock(instant).split('T')[1];
}

/** The instant at a London wall-clock time on a London date: 09:00 is 08:00 UTC in summer, 09:00 in winter. */
export function atLondonTime(date: string, time: string): Date {
  const key = `${date}T${time}`;
  let ms = instantByWallClock.get(key);
  if (ms === undefined) {
    const [y, m, d] = date.split('-').map(Number);
    const [hh, mm] = time.split(':').map(Number);
    ms = new TZDate(y, m - 1, d, hh, mm, 0, LONDON).getTime();
    if (instantByWallClock.size >= MEMO_LIMIT) instantByWallClock.clear();
    instantByWallClock.set(key, ms);
  }
  return new Date(ms);
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
