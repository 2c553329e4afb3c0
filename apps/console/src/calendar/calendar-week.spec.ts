import { calendarWeek } from './calendar-week';

describe('the calendar week: Monday to Sunday in London', () => {
  const now = new Date('2026-12-09T12:00:00Z'); // Wednesday 9 December 2026

  it('is this week when none is asked, and the week holding the day asked otherwise', () => {
    expect(calendarWeek(undefined, now)).toMatchObject({ monday: '2026-12-07', previous: '2026-11-30', next: '2026-12-14' });
    expect(calendarWeek('2026-12-20', now).monday).toBe('2026-12-14'); // a Sunday belongs to the week before it
    expect(calendarWeek('2026-12-21', now).days).toEqual(['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-27']);
  });

  it('runs from Monday midnight London time, so a week across the clock change is an hour short', () => {
    const week = calendarWeek('2027-03-24', now); // British Summer Time starts on Sunday 28 March 2027
    expect(week.monday).toBe('2027-03-22');
    expect(week.from.toISOString()).toBe('2027-03-22T00:00:00.000Z');
    expect(week.to.toISOString()).toBe('2027-03-28T23:00:00.000Z');
  });

  it('treats anything that is not a date as this week', () => {
    expect(calendarWeek('2026-13-40', now).monday).toBe('2026-12-07');
    expect(calendarWeek('<script>', now).monday).toBe('2026-12-07');
  });
});
