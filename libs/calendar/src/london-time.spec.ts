import { addMonthsToDate, atLondonTime, endOfLondonDay, londonDate, londonTime } from './london-time';
import { WorkingCalendar } from './working-calendar';

describe('London day ends and months', () => {
  it('a London day ends at 23:59:59.999 local time: 22:59:59.999 UTC in summer, 23:59:59.999 UTC in winter', () => {
    expect(endOfLondonDay('2026-07-15').toISOString()).toBe('2026-07-15T22:59:59.999Z');
    expect(endOfLondonDay('2026-12-15').toISOString()).toBe('2026-12-15T23:59:59.999Z');
  });

  it('the days the clocks change end at their local midnight (29 March and 25 October 2026)', () => {
    expect(endOfLondonDay('2026-03-29').toISOString()).toBe('2026-03-29T22:59:59.999Z');
    expect(endOfLondonDay('2026-10-25').toISOString()).toBe('2026-10-25T23:59:59.999Z');
  });

  it('two months after 1 October is 1 December; a day the month lacks becomes its last (31 December + 2 months = 28 February; 30 November 2027 + 3 = 29 February 2028)', () => {
    expect(addMonthsToDate('2026-10-01', 2)).toBe('2026-12-01');
    expect(addMonthsToDate('2026-12-31', 2)).toBe('2027-02-28');
    expect(addMonthsToDate('2027-11-30', 3)).toBe('2028-02-29');
  });
});

describe('London wall clocks around the clock changes', () => {
  it('00:59 UTC on 29 March 2026 is 00:59 in London; 01:00 UTC is 02:00 BST, the same date', () => {
    expect([londonDate(new Date('2026-03-29T00:59:00Z')), londonTime(new Date('2026-03-29T00:59:00Z'))]).toEqual(['2026-03-29', '00:59']);
    expect([londonDate(new Date('2026-03-29T01:00:00Z')), londonTime(new Date('2026-03-29T01:00:00Z'))]).toEqual(['2026-03-29', '02:00']);
  });

  it('23:30 UTC on 14 July is already 15 July in London; on 14 December it is not', () => {
    expect(londonDate(new Date('2026-07-14T23:30:00Z'))).toBe('2026-07-15');
    expect(londonDate(new Date('2026-12-14T23:30:00Z'))).toBe('2026-12-14');
  });

  it('00:59 UTC on 25 October 2026 is 01:59 BST; 01:00 UTC is 01:00 GMT, the hour London lives twice', () => {
    expect(londonTime(new Date('2026-10-25T00:59:00Z'))).toBe('01:59');
    expect(londonTime(new Date('2026-10-25T01:00:00Z'))).toBe('01:00');
  });

  it('09:00 in London is 08:00 UTC in summer and 09:00 UTC in winter, asked for twice', () => {
    for (let i = 0; i < 2; i++) {
      expect(atLondonTime('2026-07-15', '09:00').toISOString()).toBe('2026-07-15T08:00:00.000Z');
      expect(atLondonTime('2026-12-15', '09:00').toISOString()).toBe('2026-12-15T09:00:00.000Z');
    }
  });

  it('a date that is not a date reads NaN, as before', () => {
    expect([londonDate(new Date('nope')), londonTime(new Date('nope'))]).toEqual(['NaN-NaN-NaN', 'NaN:NaN']);
  });
});

describe('working days counted on London dates', () => {
  const calendar = new WorkingCalendar();

  it('3 working days after Wednesday 23 December 2026 is Wednesday 30 December', () => {
    expect(calendar.addWorkingDaysToDate('2026-12-23', 3)).toBe('2026-12-30');
  });

  it('1 working day before Monday 4 January 2027 is Thursday 31 December 2026; 0 working days before a date is the date', () => {
    expect(calendar.subtractWorkingDaysFromDate('2027-01-04', 1)).toBe('2026-12-31');
    expect(calendar.subtractWorkingDaysFromDate('2027-01-04', 0)).toBe('2027-01-04');
  });

  it('a Saturday moves on to Monday; a working day stays', () => {
    expect(calendar.onOrNextWorkingDay('2027-03-20')).toBe('2027-03-22');
    expect(calendar.onOrNextWorkingDay('2027-03-22')).toBe('2027-03-22');
  });
});
