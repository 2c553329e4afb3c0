import { englandAndWalesHolidays, SHIPPED_BANK_HOLIDAYS, SHIPPED_BANK_HOLIDAYS_UNTIL } from './bank-holidays';
import { londonWeekday } from './london-time';

describe('bank holidays shipped as data in the GOV.UK feed format', () => {
  it('include the substitute days when Christmas and Boxing Day fall at a weekend', () => {
    expect(SHIPPED_BANK_HOLIDAYS.has('2026-12-28')).toBe(true); // Boxing Day 2026 is a Saturday
    expect(SHIPPED_BANK_HOLIDAYS.has('2027-12-27')).toBe(true);
    expect(SHIPPED_BANK_HOLIDAYS.has('2027-12-28')).toBe(true);
    expect(SHIPPED_BANK_HOLIDAYS.has('2028-01-03')).toBe(true); // New Year's Day 2028 is a Saturday
  });

  it('never fall on a weekend, eight a year', () => {
    for (const date of SHIPPED_BANK_HOLIDAYS) expect({ date, weekday: [0, 6].includes(londonWeekday(date)) }).toEqual({ date, weekday: false });
    expect(SHIPPED_BANK_HOLIDAYS.size % 8).toBe(0);
  });

  it('say how far they reach, so a service can warn before they run out', () => {
    expect(SHIPPED_BANK_HOLIDAYS_UNTIL).toBe('2028-12-26');
  });

  it('a malformed feed is refused naming the field', () => {
    expect(() =>
      englandAndWalesHolidays({
        'england-and-wales': { division: 'england-and-wales', events: [{ title: 'x', date: '26/12/2026', notes: '', bunting: true }] },
      }),
    ).toThrow(/events.*0.*date|date/);
  });
});
