import { londonCalendarDay, londonDateTime, londonDay, londonInText } from './london';

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

describe('instants in the API’s messages', () => {
  it('read as London time with the day name, the rest of the message as it was', () => {
    expect(londonInText('The session starts at 2026-12-27T10:00:00.000Z; it cannot be recorded as held before then.')).toBe(
      'The session starts at Sunday 27 December 2026 at 10:00am; it cannot be recorded as held before then.',
    );
    expect(londonInText('mediation.held on 2027-07-07T09:15:00+00:00')).toBe('mediation.held on Wednesday 7 July 2027 at 10:15am');
  });
});
