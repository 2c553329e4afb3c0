import { addLondonMonths, daysBetween } from './london-time';
import { calendarFor, WorkingCalendar } from './working-calendar';

const calendar = calendarFor();

describe('a service line’s calendar', () => {
  it('is the bank holidays plus the line’s closure days', () => {
    const closed = calendarFor([{ date: '2026-12-29' }, { date: '2026-12-30' }]);
    expect(calendar.isWorkingDay('2026-12-29')).toBe(true);
    expect(closed.isWorkingDay('2026-12-29')).toBe(false);
    expect(closed.isWorkingDay('2026-12-25')).toBe(false); // Christmas Day
    expect(closed.isWorkingDay('2026-12-31')).toBe(true);
  });
});

describe('days of a kind after and before a London date', () => {
  it('5 working days after Thursday 24 December 2026 is Tuesday 5 January 2027; 5 calendar days is Tuesday 29 December', () => {
    // Christmas Day, the Boxing Day substitute (Monday 28) and New Year’s Day are bank holidays: 29, 30, 31, 4, 5.
    expect(calendar.daysAfter('2026-12-24', 5, 'working')).toBe('2027-01-05');
    expect(calendar.daysAfter('2026-12-24', 5, 'calendar')).toBe('2026-12-29');
  });

  it('before a date: 5 working days before Monday 18 January 2027 is Monday 11 January; 5 calendar days is Wednesday 13 January', () => {
    expect(calendar.daysBefore('2027-01-18', 5, 'working')).toBe('2027-01-11');
    expect(calendar.daysBefore('2027-01-18', 5, 'calendar')).toBe('2027-01-13');
    expect(calendar.daysBefore('2027-01-18', 0, 'working')).toBe('2027-01-18');
  });

  it('"within 30 days" of 19 December 2026 runs to the end of 18 January 2027, London time', () => {
    expect(calendar.endOfDaysAfter('2026-12-19', 30, 'calendar').toISOString()).toBe('2027-01-18T23:59:59.999Z');
  });

  it('"within 10 working days" of Thursday 2 April 2026 skips Easter and ends at 23:59:59.999 BST on Monday 20 April', () => {
    expect(calendar.endOfDaysAfter('2026-04-02', 10, 'working').toISOString()).toBe('2026-04-20T22:59:59.999Z');
  });

  it('a line’s closure days are not working days when counting', () => {
    expect(calendarFor([{ date: '2026-04-28' }]).daysAfter('2026-04-24', 8, 'working')).toBe('2026-05-08');
  });
});

describe('working days between two London dates', () => {
  it('counts the days after the first up to and including the second: Monday to the next Monday is 5', () => {
    expect(calendar.workingDaysBetween('2026-11-09', '2026-11-16')).toBe(5);
  });

  it('leaves out bank holidays and closure days', () => {
    expect(calendar.workingDaysBetween('2026-12-21', '2026-12-29')).toBe(4);
    expect(new WorkingCalendar(undefined, ['2026-11-11']).workingDaysBetween('2026-11-09', '2026-11-16')).toBe(4);
  });

  it('is 0 for the same day and for a second date that is earlier', () => {
    expect(calendar.workingDaysBetween('2026-11-10', '2026-11-10')).toBe(0);
    expect(calendar.workingDaysBetween('2026-11-16', '2026-11-09')).toBe(0);
  });
});

describe('calendar days between two London dates', () => {
  it('is 1 from a day to the next, across the clock change too, and negative backwards', () => {
    expect(daysBetween('2026-03-28', '2026-03-29')).toBe(1);
    expect(daysBetween('2026-10-20', '2026-11-03')).toBe(14);
    expect(daysBetween('2026-11-22', '2026-12-22')).toBe(30);
    expect(daysBetween('2026-11-22', '2026-11-21')).toBe(-1);
    expect(daysBetween('2026-11-22', '2026-11-22')).toBe(0);
  });
});

describe('months after an instant, at its London time', () => {
  it('keeps the London wall-clock time across the clock change and clamps to the month’s last day', () => {
    // 10:00 BST on 15 July 2026 is 10:00 GMT on 15 January 2027.
    expect(addLondonMonths(new Date('2026-07-15T09:00:00Z'), 6).toISOString()).toBe('2027-01-15T10:00:00.000Z');
    expect(addLondonMonths(new Date('2026-01-31T12:00:00Z'), 1).toISOString()).toBe('2026-02-28T12:00:00.000Z');
  });
});
