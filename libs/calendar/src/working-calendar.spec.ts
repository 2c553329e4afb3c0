import { NINE_TO_FIVE_WEEKDAYS, WorkingCalendar } from './working-calendar';

const calendar = new WorkingCalendar();
const at = (iso: string) => new Date(iso);

describe('working days in England and Wales', () => {
  it('a weekend and a bank holiday are not working days; an ordinary Tuesday is', () => {
    expect(calendar.isWorkingDay('2026-05-23')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-05-25')).toBe(false); // Spring bank holiday
    expect(calendar.isWorkingDay('2026-05-26')).toBe(true);
  });

  it('a certificate due 3 working days after a mediation on Wednesday 23 December 2026 is due on Wednesday 30 December', () => {
    // Christmas Day (Friday) and the Boxing Day substitute (Monday 28th) do not count.
    expect(calendar.addWorkingDays(at('2026-12-23T14:00:00Z'), 3).toISOString()).toBe('2026-12-30T14:00:00.000Z');
  });

  it('a contract’s own closure days are skipped as well', () => {
    const council = new WorkingCalendar(undefined, ['2026-12-29', '2026-12-30', '2026-12-31']);
    expect(council.addWorkingDays(at('2026-12-23T14:00:00Z'), 3).toISOString()).toBe('2027-01-05T14:00:00.000Z');
  });

  it('5 working days’ notice given on Wednesday 31 March 2027, just after Easter Monday, runs to Wednesday 7 April', () => {
    expect(calendar.addWorkingDays(at('2027-03-31T09:00:00Z'), 5).toISOString()).toBe('2027-04-07T09:00:00.000Z');
  });

  it('working days keep the London wall-clock time across the clock change', () => {
    // 10:00 GMT on Friday 27 March 2026; 2 working days later is Tuesday 31 March, 10:00 BST.
    expect(calendar.addWorkingDays(at('2026-03-27T10:00:00Z'), 2).toISOString()).toBe('2026-03-31T09:00:00.000Z');
  });
});

describe('calendar days', () => {
  it('a SEND mediation referred on 19 December 2026 is due within 30 calendar days: 18 January 2027', () => {
    expect(calendar.addCalendarDays(at('2026-12-19T11:00:00Z'), 30).toISOString()).toBe('2027-01-18T11:00:00.000Z');
  });

  it('two weeks from 10:00 on 20 October 2026 is 10:00 on 3 November, after the clocks go back', () => {
    expect(calendar.addCalendarDays(at('2026-10-20T09:00:00Z'), 14).toISOString()).toBe('2026-11-03T10:00:00.000Z');
  });
});

describe('office hours: when a clock starts', () => {
  it('a referral received at 17:30 on a Friday before a bank holiday Monday starts its clock at 09:00 on Tuesday', () => {
    // Friday 22 May 2026, 17:30 BST; Monday 25 May is the Spring bank holiday.
    expect(calendar.clockStart(at('2026-05-22T16:30:00Z'), NINE_TO_FIVE_WEEKDAYS).toISOString()).toBe('2026-05-26T08:00:00.000Z');
  });

  it('a referral received at 10:15 on a working day starts its clock at once', () => {
    expect(calendar.clockStart(at('2026-06-03T09:15:00Z'), NINE_TO_FIVE_WEEKDAYS).toISOString()).toBe('2026-06-03T09:15:00.000Z');
  });

  it('a referral received at 07:45 starts its clock at 09:00 the same day', () => {
    expect(calendar.clockStart(at('2026-06-03T06:45:00Z'), NINE_TO_FIVE_WEEKDAYS).toISOString()).toBe('2026-06-03T08:00:00.000Z');
  });

  it('a referral received at 17:00 exactly is after hours: the office closes at 17:00', () => {
    expect(calendar.clockStart(at('2026-06-03T16:00:00Z'), NINE_TO_FIVE_WEEKDAYS).toISOString()).toBe('2026-06-04T08:00:00.000Z');
  });

  it('a referral received on Christmas Eve evening 2027 waits for Wednesday 29 December (two substitute days)', () => {
    expect(calendar.clockStart(at('2027-12-24T18:00:00Z'), NINE_TO_FIVE_WEEKDAYS).toISOString()).toBe('2027-12-29T09:00:00.000Z');
  });

  it('a split day (a lunch closure) opens again in the afternoon', () => {
    const split = {
      wednesday: [
        { open: '09:00', close: '12:30' },
        { open: '13:30', close: '17:00' },
      ],
    };
    expect(calendar.clockStart(at('2026-06-03T11:45:00Z'), split).toISOString()).toBe('2026-06-03T12:30:00.000Z');
  });

  it('office hours with no opening on any working day are refused rather than looping', () => {
    expect(() => calendar.clockStart(at('2026-06-03T09:00:00Z'), {})).toThrow(/no opening/);
  });
});
