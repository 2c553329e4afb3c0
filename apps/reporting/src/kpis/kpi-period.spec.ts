import { periodDays, previousMonth } from './kpi-period';

describe('a KPI period as London days', () => {
  it('a month runs from its first to its last day, February in a leap year included', () => {
    expect(periodDays('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(periodDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
  it('a quarter is three months, a year twelve, the contract everything', () => {
    expect(periodDays('2026-Q3')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodDays('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodDays('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodDays('contract')).toEqual({ from: null, to: null });
  });
  it('the month before a day, across a new year', () => {
    expect(previousMonth('2027-01-01')).toBe('2026-12');
    expect(previousMonth('2026-12-01')).toBe('2026-11');
  });
});
