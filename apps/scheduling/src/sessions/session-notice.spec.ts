import { WorkingCalendar, atLondonTime } from '@mediation/calendar';
import { checkNotice, noticeWorkingDays } from './session-notice';

const calendar = new WorkingCalendar();
const at = (date: string, time = '10:00') => atLondonTime(date, time);

describe('the notice a session booking gives', () => {
  it('a booking made on a Monday for the next Monday gives 5 working days', () => {
    expect(noticeWorkingDays(at('2026-11-09'), at('2026-11-16'), calendar)).toBe(5);
  });

  it('a booking that would give 4 working days’ notice of a SEND mediation is refused unless the parent waived it', () => {
    const bookedAt = at('2026-11-10'); // Tuesday
    const mediation = at('2026-11-16'); // the next Monday: Wed, Thu, Fri, Mon
    expect(checkNotice(bookedAt, mediation, 5, false, calendar)).toEqual({ ok: false, given: 4, required: 5 });
    expect(checkNotice(bookedAt, mediation, 5, true, calendar)).toEqual({ ok: true, given: 4 });
  });

  it('the week before Christmas counts bank holidays out of notice', () => {
    // Booked Monday 21 December 2026 for Tuesday 29 December: 8 days later, but Christmas Day (Fri 25)
    // and the Boxing Day substitute (Mon 28) are bank holidays, so only 22, 23, 24 and 29 count.
    expect(noticeWorkingDays(at('2026-12-21'), at('2026-12-29', '14:00'), calendar)).toBe(4);
    expect(checkNotice(at('2026-12-21'), at('2026-12-29', '14:00'), 5, false, calendar).ok).toBe(false);
    expect(checkNotice(at('2026-12-18'), at('2026-12-29', '14:00'), 5, false, calendar)).toEqual({ ok: true, given: 5 });
  });

  it('the contract’s own closure days do not count as notice either', () => {
    const closedOnWednesday = new WorkingCalendar(undefined, ['2026-11-11']);
    expect(noticeWorkingDays(at('2026-11-09'), at('2026-11-16'), closedOnWednesday)).toBe(4);
  });

  it('a line with no notice rule takes any booking, even for the same day', () => {
    expect(checkNotice(at('2026-11-10', '09:00'), at('2026-11-10', '15:00'), null, false, calendar)).toEqual({ ok: true, given: 0 });
  });

  it('counts London dates, so a late-evening booking in summer time is still that day', () => {
    // 23:30 London on 30 June is 22:30 UTC: still Tuesday 30 June in London.
    expect(noticeWorkingDays(new Date('2026-06-30T22:30:00Z'), at('2026-07-03'), calendar)).toBe(3);
  });
});
