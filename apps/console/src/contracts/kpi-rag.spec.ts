import { monthName, pounds, ragOf, reportMonths, targetText } from './kpi-rag';

describe('the contract page: KPIs against target, months and money as people read them', () => {
  it('says pass and fail in words as well as colour, and judges nothing without data or a target', () => {
    expect(ragOf('pass')).toEqual({ text: 'Green: on target', colour: 'green' });
    expect(ragOf('fail')).toEqual({ text: 'Red: below target', colour: 'red' });
    expect(ragOf('no-data').colour).toBe('grey');
    expect(ragOf('no-target').colour).toBe('grey');
  });

  it('reads a target as a sentence', () => {
    expect(targetText({ comparator: 'gte', value: 90, unit: 'percent' })).toBe('at least 90%');
    expect(targetText({ comparator: 'lte', value: 5, unit: 'days' })).toBe('at most 5 days');
    expect(targetText(null)).toBe('None');
  });

  it('offers this month and the 12 before it, across a year end, and keeps a month asked only when it is one', () => {
    const { month, choices } = reportMonths(undefined, '2027-01');
    expect(month).toBe('2027-01');
    expect(choices.slice(0, 3)).toEqual(['2027-01', '2026-12', '2026-11']);
    expect(choices).toHaveLength(13);
    expect(reportMonths('2026-11', '2027-01').month).toBe('2026-11');
    expect(reportMonths('2026-13', '2027-01').month).toBe('2027-01');
    expect(monthName('2026-11')).toBe('November 2026');
    expect(pounds(123456)).toBe('£1,234.56');
  });
});
