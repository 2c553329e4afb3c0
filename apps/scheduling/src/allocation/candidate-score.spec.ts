import { atLondonTime } from '@mediation/calendar';
import { scoreCandidate } from './candidate-score';
import { freeHours, isAvailableThroughout } from './free-time';

const week = {
  monday: [{ start: '09:00', end: '13:00' }],
  tuesday: [],
  wednesday: [{ start: '09:00', end: '17:00' }],
  thursday: [],
  friday: [],
  saturday: [],
  sunday: [],
};

describe('ranking mediators for a case', () => {
  it('a Welsh-speaking SEND mediator with room in the caseload scores full marks', () => {
    expect(
      scoreCandidate(
        { skills: ['send', 'family'], languages: ['en', 'cy'], freeHours: 24, activeCases: 0, maxCaseload: 10 },
        { skills: ['send'], language: 'cy' },
      ),
    ).toEqual({ score: 100, breakdown: { skills: 30, language: 20, availability: 25, caseload: 25 } });
  });

  it('half the skills, no shared language, 5 free hours and a half-full caseload', () => {
    expect(
      scoreCandidate({ skills: ['send'], languages: ['en'], freeHours: 5, activeCases: 5, maxCaseload: 10 }, { skills: ['send', 'family'], language: 'pl' }),
    ).toEqual({ score: 33.8, breakdown: { skills: 15, language: 0, availability: 6.3, caseload: 12.5 } });
  });
});

describe('free hours in the window', () => {
  const from = atLondonTime('2026-11-23', '00:00'); // a Monday
  const to = atLondonTime('2026-11-30', '00:00');

  it('counts the weekly slots in London time', () => {
    expect(freeHours(week, [], [], from, to)).toBe(12);
  });

  it('takes out a day off and booked sessions, and adds an extra slot', () => {
    const off = { date: '2026-11-25', kind: 'off' as const, start: null, end: null };
    const extra = { date: '2026-11-27', kind: 'extra' as const, start: '10:00', end: '12:00' };
    const booked = [{ start: atLondonTime('2026-11-23', '10:00').getTime(), end: atLondonTime('2026-11-23', '11:30').getTime() }];
    expect(freeHours(week, [off, extra], booked, from, to)).toBe(4.5);
  });

  it('keeps wall-clock slots across the clock change', () => {
    // Monday 30 March 2026 is in summer time: 09:00-13:00 London is 08:00-12:00 UTC.
    const start = atLondonTime('2026-03-30', '00:00');
    expect(
      freeHours(week, [], [{ start: Date.parse('2026-03-30T08:00:00Z'), end: Date.parse('2026-03-30T12:00:00Z') }], start, atLondonTime('2026-03-31', '00:00')),
    ).toBe(0);
  });
});

describe('whether a session fits someone’s availability', () => {
  it('a session inside a weekly slot fits; one running past its end does not', () => {
    expect(isAvailableThroughout(week, [], atLondonTime('2026-11-23', '10:00'), atLondonTime('2026-11-23', '12:00'))).toBe(true);
    expect(isAvailableThroughout(week, [], atLondonTime('2026-11-23', '12:00'), atLondonTime('2026-11-23', '14:00'))).toBe(false);
  });

  it('an extra slot makes a Thursday possible, and a day off rules out a Monday', () => {
    const extra = { date: '2026-11-26', kind: 'extra' as const, start: '13:00', end: '16:00' };
    expect(isAvailableThroughout(week, [extra], atLondonTime('2026-11-26', '13:00'), atLondonTime('2026-11-26', '15:00'))).toBe(true);
    expect(
      isAvailableThroughout(
        week,
        [{ date: '2026-11-23', kind: 'off', start: null, end: null }],
        atLondonTime('2026-11-23', '10:00'),
        atLondonTime('2026-11-23', '11:00'),
      ),
    ).toBe(false);
  });
});
