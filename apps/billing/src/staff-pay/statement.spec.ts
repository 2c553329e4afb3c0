import { londonLivingWageOn } from '@mediation/protocol';
import { minutesWorked, staffFee } from './staff-fee';
import { judgeLivingWage, londonMonthOf, monthDays, statementOf, type FeeLine } from './statement';

const fee = (over: Partial<FeeLine>): FeeLine => ({
  staffId: 's-1',
  staffName: 'Ada Mediator',
  sessionId: 'session-1',
  caseId: 'case-1',
  contractId: 'contract-1',
  sessionType: 'mediation',
  heldAt: new Date('2026-06-10T09:00:00Z'),
  minutes: 180,
  basis: 'per-session',
  ratePence: 6_000,
  feePence: 6_000,
  ...over,
});

describe('what a session pays a mediator', () => {
  it('a fee per session on the staff record is paid whatever the session’s length', () => {
    expect(staffFee({ payRatePence: 1_480, sessionFeePence: 6_000 }, 180)).toEqual({ basis: 'per-session', ratePence: 6_000, feePence: 6_000 });
  });

  it('without one, the hourly rate for the minutes worked, to the nearest penny: 2h30 at £14.80 is £37.00', () => {
    expect(staffFee({ payRatePence: 1_480, sessionFeePence: null }, 150)).toEqual({ basis: 'hourly', ratePence: 1_480, feePence: 3_700 });
    // 50 minutes at £14.85: £12.375, paid £12.38.
    expect(staffFee({ payRatePence: 1_485, sessionFeePence: null }, 50).feePence).toBe(1_238);
  });

  it('the time worked is the session from its start to its end', () => {
    expect(minutesWorked(new Date('2026-06-10T09:00:00Z'), new Date('2026-06-10T12:00:00Z'))).toBe(180);
  });
});

describe('the London Living Wage check of a monthly statement (£14.80/h from 1 May 2026)', () => {
  it('a mediator paid £30 for a 3-hour session earns £10.00/h, below the London Living Wage by £14.40 (3 × £14.80 − £30)', () => {
    expect(judgeLivingWage(3_000, 180, 1_480)).toEqual({ effectiveHourlyRatePence: 1_000, meetsLondonLivingWage: false, shortfallPence: 1_440 });
  });

  it('a mediator paid £60 for a 3-hour session earns £20.00/h and meets it (the brief’s “below by £14.40” holds for £30, not £60)', () => {
    expect(judgeLivingWage(6_000, 180, 1_480)).toEqual({ effectiveHourlyRatePence: 2_000, meetsLondonLivingWage: true, shortfallPence: 0 });
  });

  it('exactly the wage meets it; a penny less over the hours does not', () => {
    expect(judgeLivingWage(4_440, 180, 1_480).meetsLondonLivingWage).toBe(true);
    expect(judgeLivingWage(4_439, 180, 1_480)).toMatchObject({ meetsLondonLivingWage: false, shortfallPence: 1 });
  });

  it('a month of three £60 sessions of 3, 4 and 5 hours: £180 for 12 hours is £15.00/h, which meets £14.80', () => {
    const statement = statementOf('s-1', '2026-06', [
      fee({ sessionId: 'a', minutes: 180 }),
      fee({ sessionId: 'b', minutes: 240, heldAt: new Date('2026-06-11T09:00:00Z') }),
      fee({ sessionId: 'c', minutes: 300, heldAt: new Date('2026-06-12T09:00:00Z') }),
    ]);
    expect(statement).toMatchObject({
      period: '2026-06',
      from: '2026-06-01',
      to: '2026-06-30',
      sessions: 3,
      minutesWorked: 720,
      hoursWorked: 12,
      feesPence: 18_000,
      effectiveHourlyRatePence: 1_500,
      meetsLondonLivingWage: true,
      shortfallPence: 0,
      londonLivingWage: { ratePence: 1_480, payableFrom: '2026-05-01' },
    });
  });

  it('a statement is judged by the rate in force on the month’s first day: April 2026 still £13.85', () => {
    const april = statementOf('s-1', '2026-04', [fee({ heldAt: new Date('2026-04-20T09:00:00Z'), feePence: 4_200 })]);
    expect(april.londonLivingWage.ratePence).toBe(londonLivingWageOn('2026-04-01').pencePerHour);
    expect(april).toMatchObject({ effectiveHourlyRatePence: 1_400, meetsLondonLivingWage: true });
  });

  it('a session held at 00:30 on 1 June London time (23:30 UTC on 31 May) is on June’s statement', () => {
    expect(londonMonthOf(new Date('2026-05-31T23:30:00Z'))).toBe('2026-06');
    expect(monthDays('2027-02')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });
});
