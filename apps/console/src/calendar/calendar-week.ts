import { addDaysToDate, atLondonTime, londonDate, londonWeekday } from '@mediation/calendar';

export interface CalendarWeek {
  /** The Monday the week starts on, a London date `YYYY-MM-DD`. */
  monday: string;
  /** Its seven London dates, Monday to Sunday. */
  days: string[];
  /** The instants the week runs between: Monday 00:00 to the next Monday 00:00, London time (23 or 25 hours longer or shorter across a clock change). */
  from: Date;
  to: Date;
  previous: string;
  next: string;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The London week holding `asked` (a `YYYY-MM-DD` from the URL), or today's when it is missing or not a date. */
export function calendarWeek(asked: string | undefined, now: Date): CalendarWeek {
  const date = asked && DATE.test(asked) && !Number.isNaN(Date.parse(`${asked}T00:00:00Z`)) ? asked : londonDate(now);
  const monday = addDaysToDate(date, -((londonWeekday(date) + 6) % 7));
  const days = Array.from({ length: 7 }, (_, i) => addDaysToDate(monday, i));
  return {
    monday,
    days,
    from: atLondonTime(monday, '00:00'),
    to: atLondonTime(addDaysToDate(monday, 7), '00:00'),
    previous: addDaysToDate(monday, -7),
    next: addDaysToDate(monday, 7),
  };
}
