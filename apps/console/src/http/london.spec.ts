import { londonCalendarDay, londonDateTime, londonDay } from './london';

describe('dates as people read them: London time with the day name', () => {
  it('names the London day, which differs from UTC late in a summer evening', () => {
    expect(londonDay('2026-07-03T23:30:00Z')).toBe('Saturday 4 July 2026');
  });

  it('gives the time in London, and the end of a due day as "end of day"', () => {
    expect(londonDateTime('2026-12-07T17:00:00Z')).toBe('Monday 7 December 2026 at 5:00pm');
    expect(londonDateTime('2026-07-06T22:59:59.999Z')).toBe('Monday 6 July 2026 at end of day');
  });

  it('reads a form date as its own day', () => {
    expect(londonCalendarDay('2026-12-25')).toBe('Friday 25 December 2026');
  });
});
