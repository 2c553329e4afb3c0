import { NINE_TO_FIVE_WEEKDAYS, SHIPPED_BANK_HOLIDAYS } from '@mediation/calendar';
import { referralClockStart } from './clock-start.rule';

const officeHours = {
  timeZone: 'Europe/London' as const,
  weekly: { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [], ...NINE_TO_FIVE_WEEKDAYS },
} as never;

describe('when a referral’s clocks start', () => {
  it('the shipped calendar knows 31 May 2027 is the spring bank holiday', () => {
    expect(SHIPPED_BANK_HOLIDAYS.has('2027-05-31')).toBe(true);
  });

  it('a referral at 17:30 on Friday before a bank holiday Monday starts its clocks at 09:00 on Tuesday', () => {
    const friday1730 = new Date('2027-05-28T16:30:00Z'); // 17:30 BST
    expect(referralClockStart({ officeHours, closureDays: [] }, friday1730).toISOString()).toBe('2027-06-01T08:00:00.000Z'); // 09:00 BST
  });

  it('a referral during office hours starts at once', () => {
    const tuesday1100 = new Date('2027-06-01T10:00:00Z');
    expect(referralClockStart({ officeHours, closureDays: [] }, tuesday1100)).toEqual(tuesday1100);
  });

  it('a closure day of the contract is skipped like a bank holiday', () => {
    const monday0800 = new Date('2026-12-28T08:00:00Z'); // a bank holiday; 29th is the council's closure
    expect(referralClockStart({ officeHours, closureDays: [{ date: '2026-12-29' }] }, monday0800).toISOString()).toBe('2026-12-30T09:00:00.000Z');
  });

  it('a service line without office hours starts on receipt, whenever that is', () => {
    const sunday = new Date('2027-05-30T22:00:00Z');
    expect(referralClockStart({ officeHours: undefined, closureDays: [] }, sunday)).toEqual(sunday);
  });
});
