import { SHIPPED_BANK_HOLIDAYS } from './bank-holidays';
import { noteDateBeyondShippedData, SHIPPED_BANK_HOLIDAYS_COVER_UNTIL } from './bank-holiday-coverage';
import { addDaysToDate, atLondonTime, endOfLondonDay, londonDate, londonTime, londonWeekday } from './london-time';

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof DAY_NAMES)[number];

/** Openings per weekday in London wall-clock time, the shape a contract's service line carries. */
export type WeeklyOpenings = Partial<Record<Weekday, readonly { open: string; close: string }[]>>;

/** 09:00 to 17:00, Monday to Friday: the housing specification's referral hours. */
export const NINE_TO_FIVE_WEEKDAYS: WeeklyOpenings = Object.fromEntries(
  ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((day) => [day, [{ open: '09:00', close: '17:00' }]]),
);

/** How a rule counts its days: every day, or working days only. */
export type DayKind = 'calendar' | 'working';

/** Far enough for any clock these contracts run (the longest is months), short enough to stop a bad calendar. */
const SEARCH_LIMIT_DAYS = 3 * 366;

/**
 * Working days are Monday to Friday, less England and Wales bank holidays and the contract's own
 * closure days. Arithmetic is on London dates, so a clock keeps its wall-clock time across the
 * clock changes.
 */
export class WorkingCalendar {
  private readonly closed: ReadonlySet<string>;
  /** Only the shipped data has an end to warn about; a calendar given its own holidays answers for them. */
  private readonly shipped: boolean;

  constructor(bankHolidays: ReadonlySet<string> = SHIPPED_BANK_HOLIDAYS, closureDays: Iterable<string> = []) {
    this.closed = new Set([...bankHolidays, ...closureDays]);
    this.shipped = bankHolidays === SHIPPED_BANK_HOLIDAYS;
  }

  isWorkingDay(date: string): boolean {
    if (this.shipped && date > SHIPPED_BANK_HOLIDAYS_COVER_UNTIL) noteDateBeyondShippedData(date);
    const weekday = londonWeekday(date);
    return weekday !== 0 && weekday !== 6 && !this.closed.has(date);
  }

  /** The first working day strictly after a London date. */
  nextWorkingDay(date: string): string {
    let day = date;
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i += 1) {
      day = addDaysToDate(day, 1);
      if (this.isWorkingDay(day)) return day;
    }
    throw new Error(`no working day within ${SEARCH_LIMIT_DAYS} days of ${date}: check the closure days`);
  }

  /** The first working day strictly before a London date. */
  previousWorkingDay(date: string): string {
    let day = date;
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i += 1) {
      day = addDaysToDate(day, -1);
      if (this.isWorkingDay(day)) return day;
    }
    throw new Error(`no working day within ${SEARCH_LIMIT_DAYS} days before ${date}: check the closure days`);
  }

  /** The London date `n` working days after a London date (that day not counted). */
  addWorkingDaysToDate(date: string, n: number): string {
    let day = date;
    for (let i = 0; i < n; i += 1) day = this.nextWorkingDay(day);
    return day;
  }

  /** The London date `n` working days before a London date (that day not counted); 0 is the date itself. */
  subtractWorkingDaysFromDate(date: string, n: number): string {
    let day = date;
    for (let i = 0; i < n; i += 1) day = this.previousWorkingDay(day);
    return day;
  }

  /** The London date `n` days of the given kind after a London date (that day not counted). */
  daysAfter(date: string, n: number, kind: DayKind): string {
    return kind === 'working' ? this.addWorkingDaysToDate(date, n) : addDaysToDate(date, n);
  }

  /** The London date `n` days of the given kind before a London date; 0 is the date itself. */
  daysBefore(date: string, n: number, kind: DayKind): string {
    return kind === 'working' ? this.subtractWorkingDaysFromDate(date, n) : addDaysToDate(date, -n);
  }

  /** The end of the London day `n` days of the given kind after a London date: "within 5 working days" runs to the end of the 5th. */
  endOfDaysAfter(date: string, n: number, kind: DayKind): Date {
    return endOfLondonDay(this.daysAfter(date, n, kind));
  }

  /** The working days after the London date `from` up to and including `to`; 0 when `to` is not later. */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let day = addDaysToDate(from, 1); day <= to; day = addDaysToDate(day, 1)) if (this.isWorkingDay(day)) count += 1;
    return count;
  }

  /** The date itself when it is a working day, else the next working day. */
  onOrNextWorkingDay(date: string): string {
    return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
  }

  /** `n` working days after the London date of `start` (that day not counted), at the same London time. */
  addWorkingDays(start: Date, n: number): Date {
    let day = londonDate(start);
    for (let i = 0; i < n; i += 1) day = this.nextWorkingDay(day);
    return atLondonTime(day, londonTime(start));
  }

  /** `n` calendar days after `start`, at the same London wall-clock time. */
  addCalendarDays(start: Date, n: number): Date {
    return atLondonTime(addDaysToDate(londonDate(start), n), londonTime(start));
  }

  /**
   * When a clock started by something received at `receivedAt` starts: at once if the office is open
   * then, otherwise at the next opening on a working day (a referral at 17:30 on a Friday before a
   * bank holiday Monday starts at 09:00 on Tuesday).
   */
  clockStart(receivedAt: Date, openings: WeeklyOpenings): Date {
    let day = londonDate(receivedAt);
    const time = londonTime(receivedAt);
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i += 1) {
      if (this.isWorkingDay(day)) {
        for (const opening of [...(openings[DAY_NAMES[londonWeekday(day)]] ?? [])].sort((a, b) => a.open.localeCompare(b.open))) {
          if (i === 0 && time >= opening.open && time < opening.close) return receivedAt;
          if (i > 0 || time < opening.open) return atLondonTime(day, opening.open);
        }
      }
      day = addDaysToDate(day, 1);
    }
    throw new Error('the office hours have no opening on any working day');
  }
}

/** A service line's calendar: England and Wales bank holidays plus the contract's own closure days. */
export function calendarFor(closureDays: readonly { date: string }[] = []): WorkingCalendar {
  return new WorkingCalendar(
    SHIPPED_BANK_HOLIDAYS,
    closureDays.map((d) => d.date),
  );
}
