import { addMonthsToDate, atLondonTime, endOfLondonDay, londonDate, WorkingCalendar } from '@mediation/calendar';
import type { DeadlineRule, Due } from '@mediation/protocol';

/**
 * Due-time semantics, applied to every rule: a deadline is due at the END of its due day in London
 * (23:59:59.999). "Within 30 days of being informed" (SEND Regulations 2014) is met by anything on the
 * 30th day, and "within two weeks of referral" (housing spec §7.1) likewise; counting whole London
 * days also keeps the due time stable across the BST/GMT changes. The day of the start event is not
 * counted (day 1 is the next day), as in UK statutory time limits: 30 days from 19 December is 18 January.
 */
export const END_OF_DAY = 'end-of-london-day';

/** The SEND tribunal's acts are due by 5pm on the day (HESC Rules 2008 r.12(1)). */
const TRIBUNAL_CUT_OFF = '17:00';

/** Tribunal time runs on weekends and bank holidays only, not on a provider's closure days. */
const TRIBUNAL_CALENDAR = new WorkingCalendar();

export type Dates = Readonly<Record<string, string>>;

/** Where a clock stands once computed: due at a time, or waiting for a date the case does not have yet. */
export type ClockReading = { status: 'pending'; startedAt: Date; dueAt: Date } | { status: 'awaiting-date'; startedAt: Date; awaitingField: string };

/** A form answer as a London date: `YYYY-MM-DD` stays as it is; a datetime becomes its London date. */
export function londonDateOf(value: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : londonDate(instant);
}

/**
 * Reads a rule's clock started by an event at `eventAt`: from a date on the case when the rule
 * says `startsFromField` (that London date, start of day), else from the event itself.
 */
export function readClock(rule: Pick<DeadlineRule, 'startsFromField' | 'due'>, eventAt: Date, dates: Dates, calendar: WorkingCalendar): ClockReading {
  let startDate = londonDate(eventAt);
  let startedAt = eventAt;
  if (rule.startsFromField) {
    const from = dates[rule.startsFromField] ? londonDateOf(dates[rule.startsFromField]) : null;
    if (!from) return { status: 'awaiting-date', startedAt: eventAt, awaitingField: rule.startsFromField };
    startDate = from;
    startedAt = /^\d{4}-\d{2}-\d{2}$/.test(dates[rule.startsFromField]) ? atLondonTime(from, '00:00') : new Date(dates[rule.startsFromField]);
  }
  const due = dueFrom(rule.due, startDate, dates, calendar);
  return 'field' in due ? { status: 'awaiting-date', startedAt, awaitingField: due.field } : { status: 'pending', startedAt, dueAt: due.dueAt };
}

/** The due time of a clock that started on the London date `startDate`. */
export function dueFrom(due: Due, startDate: string, dates: Dates, calendar: WorkingCalendar): { dueAt: Date } | { field: string } {
  switch (due.kind) {
    case 'calendar-days':
      return { dueAt: calendar.endOfDaysAfter(startDate, due.days, 'calendar') };
    case 'working-days':
      return { dueAt: calendar.endOfDaysAfter(startDate, due.days, 'working') };
    case 'before-date-field': {
      const target = dates[due.field] ? londonDateOf(dates[due.field]) : null;
      if (!target) return { field: due.field };
      return { dueAt: endOfLondonDay(calendar.daysBefore(target, due.days, due.dayKind)) };
    }
    case 'later-of-months': {
      const from = dates[due.field] ? londonDateOf(dates[due.field]) : null;
      if (!from) return { field: due.field };
      const fromField = addMonthsToDate(from, due.fieldMonths);
      const fromStart = addMonthsToDate(startDate, due.startMonths);
      const later = fromField > fromStart ? fromField : fromStart;
      return { dueAt: due.tribunalTime === 'send' ? atLondonTime(sendTribunalDay(later), TRIBUNAL_CUT_OFF) : endOfLondonDay(later) };
    }
  }
}

/**
 * The SEND tribunal's extensions of a time limit ending on `date` (HESC Rules 2008 r.12(3)): an end from
 * 25 December to 1 January → the first working day after 1 January; an end in August → the first
 * working day in September. Otherwise r.12(2): an end on a non-working day → the next working day.
 * The extensions apply only where the time itself ends in those periods: a Saturday 31 July end moves
 * to Monday 2 August, not to September, because showing a family a later date than the rules give
 * could cost them their appeal.
 */
export function sendTribunalDay(date: string): string {
  const [year, month, day] = date.split('-');
  if (month === '12' && Number(day) >= 25) return TRIBUNAL_CALENDAR.nextWorkingDay(`${Number(year) + 1}-01-01`);
  if (month === '01' && day === '01') return TRIBUNAL_CALENDAR.nextWorkingDay(date);
  if (month === '08') return TRIBUNAL_CALENDAR.nextWorkingDay(`${year}-08-31`);
  return TRIBUNAL_CALENDAR.onOrNextWorkingDay(date);
}

/** Reminders ring at 09:00 London on the day N (working or calendar) days before the due day. */
export function reminderTimes(reminders: DeadlineRule['reminders'], dueAt: Date, calendar: WorkingCalendar): Date[] {
  const dueDay = londonDate(dueAt);
  return reminders.map((r) => atLondonTime(calendar.daysBefore(dueDay, r.days, r.dayKind), '09:00'));
}

/** The instant a rule started by the case opening counts from: the office-hours clock start, or the receipt. */
export function openingStart(rule: Pick<DeadlineRule, 'startsInOfficeHours'>, facts: { receivedAt: Date; clockStartsAt: Date }): Date {
  return rule.startsInOfficeHours ? facts.clockStartsAt : facts.receivedAt;
}

/** Which case dates a rule counts to or from, so a change to one of them reschedules it. */
export function datesUsedBy(rule: Pick<DeadlineRule, 'startsFromField' | 'due'>): string[] {
  return [rule.startsFromField, rule.due.kind === 'before-date-field' || rule.due.kind === 'later-of-months' ? rule.due.field : undefined].filter(
    (f): f is string => Boolean(f),
  );
}
