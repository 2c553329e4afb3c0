import { calendarDay, londonDateTime, londonDay, londonShort } from './london-format';

describe('London dates for people', () => {
  it('reads an instant as London time with the day name: BST in summer, GMT in winter', () => {
    expect(londonDateTime(new Date('2027-06-02T16:00:00Z'))).toBe('Wednesday 2 June 2027, 17:00');
    expect(londonDateTime('2027-01-05T08:00:00Z')).toBe('Tuesday 5 January 2027, 08:00');
  });

  it('gives the London day, which may not be the UTC one', () => {
    expect(londonDay(new Date('2027-06-01T23:30:00Z'))).toBe('Wednesday 2 June 2027');
  });

  it('has a short form for table cells, and reads a calendar date as written', () => {
    expect(londonShort(new Date('2027-06-02T16:00:00Z'))).toBe('2 Jun 2027, 17:00');
    expect(calendarDay('2026-12-01')).toBe('Tuesday 1 December 2026');
  });
});
