import { DEFAULT_DATA_RETURN_RULE, dueOn, expectedPeriods, lastDayOf, reminderOn, returnState } from './data-return-calendar';

describe('when a local authority’s monthly data return is due', () => {
  it('November 2026’s is due on the 10th working day of December, reminded 3 working days before', () => {
    // December 2026: Tue 1 … Mon 14 is the 10th working day.
    expect(dueOn('2026-11', DEFAULT_DATA_RETURN_RULE)).toBe('2026-12-14');
    expect(reminderOn('2026-11', DEFAULT_DATA_RETURN_RULE)).toBe('2026-12-09');
  });

  it('skips the Christmas bank holidays: December 2026’s is due on 15 January 2027', () => {
    // Fri 1 Jan is New Year's Day: working days of January begin Mon 4.
    expect(dueOn('2026-12', DEFAULT_DATA_RETURN_RULE)).toBe('2027-01-15');
  });

  it('a contract may set its own rule', () => {
    expect(dueOn('2026-11', { dueWorkingDays: 5, reminderWorkingDaysBefore: 1 })).toBe('2026-12-07');
    expect(reminderOn('2026-11', { dueWorkingDays: 5, reminderWorkingDaysBefore: 1 })).toBe('2026-12-04');
  });

  it('knows the last day of each month, February of a leap year too', () => {
    expect([lastDayOf('2026-11'), lastDayOf('2026-12'), lastDayOf('2028-02'), lastDayOf('2027-02')]).toEqual([
      '2026-11-30',
      '2026-12-31',
      '2028-02-29',
      '2027-02-28',
    ]);
  });

  it('expects a return for every ended month from the onboarding month', () => {
    expect(expectedPeriods('2026-09-15', '2026-12-07')).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(expectedPeriods('2026-12-01', '2026-12-07')).toEqual([]);
  });

  it('a return is received, late, missing or awaited', () => {
    expect(returnState('2026-12-14', '2026-12-14', '2026-12-20')).toBe('received');
    expect(returnState('2026-12-14', '2026-12-15', '2026-12-20')).toBe('late');
    expect(returnState('2026-12-14', null, '2026-12-15')).toBe('missing');
    expect(returnState('2026-12-14', null, '2026-12-14')).toBe('awaited');
  });
});
