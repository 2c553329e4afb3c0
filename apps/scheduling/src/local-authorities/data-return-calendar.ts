import { addMonthsToDate, calendarFor, type WorkingCalendar } from '@mediation/calendar';
import type { DataReturnRule, DataReturnView } from '@mediation/protocol';

/** Seed 002 sets no due date for data returns: the 10th working day after the month, reminded 3 working days before, unless the contract sets its own. */
export const DEFAULT_DATA_RETURN_RULE: DataReturnRule = { dueWorkingDays: 10, reminderWorkingDaysBefore: 3 };

const WORKING_DAYS: WorkingCalendar = calendarFor();

/** The last London day of a month `2026-11` -> `2026-11-30`. */
export function lastDayOf(period: string): string {
  return new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 0)).toISOString().slice(0, 10);
}

/** A month's return is due on the Nth working day after the month ends (England and Wales bank holidays out). */
export function dueOn(period: string, rule: DataReturnRule): string {
  return WORKING_DAYS.addWorkingDaysToDate(lastDayOf(period), rule.dueWorkingDays);
}

/** The day the contact is reminded: N working days before the due day. */
export function reminderOn(period: string, rule: DataReturnRule): string {
  return WORKING_DAYS.subtractWorkingDaysFromDate(dueOn(period, rule), rule.reminderWorkingDaysBefore);
}

/** Every month a return is expected for: from the onboarding month to the last month ended by `today`, oldest first. */
export function expectedPeriods(onboardedOn: string, today: string): string[] {
  const periods: string[] = [];
  for (let month = onboardedOn.slice(0, 7); lastDayOf(month) < today; month = addMonthsToDate(`${month}-01`, 1).slice(0, 7)) periods.push(month);
  return periods;
}

/** What a month's return is on a London day: received by its due day, late, missing once the due day is past, or still awaited. */
export function returnState(due: string, receivedOn: string | null, today: string): DataReturnView['state'] {
  if (receivedOn) return receivedOn > due ? 'late' : 'received';
  return today > due ? 'missing' : 'awaited';
}
