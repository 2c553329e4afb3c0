import { Clock } from '@mediation/platform';
import { Lockout } from './lockout';

class StoppedClock extends Clock {
  constructor(private at: Date) {
    super();
  }
  now(): Date {
    return this.at;
  }
  advance(minutes: number): void {
    this.at = new Date(this.at.getTime() + minutes * 60_000);
  }
}

describe('waiting after wrong passwords from one address', () => {
  let clock: StoppedClock;
  let lockout: Lockout;
  const minutesLocked = (failures: number) => {
    const until = lockout.lockAfter(failures);
    return until ? (until.getTime() - clock.now().getTime()) / 60_000 : 0;
  };

  beforeEach(() => {
    clock = new StoppedClock(new Date('2026-11-20T09:00:00Z'));
    lockout = new Lockout(clock);
  });

  it('four wrong passwords in a row cost nothing', () => {
    expect([1, 2, 3, 4].map(minutesLocked)).toEqual([0, 0, 0, 0]);
  });

  it('the fifth waits a minute, and each further one doubles the wait, up to an hour', () => {
    expect([5, 6, 7, 8, 9, 10, 11, 30].map(minutesLocked)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('a lock holds until its time and no longer', () => {
    const state = { failures: 5, lockedUntil: lockout.lockAfter(5) };
    expect(lockout.isLocked(state)).toBe(true);
    clock.advance(0.99);
    expect(lockout.isLocked(state)).toBe(true);
    clock.advance(0.01);
    expect(lockout.isLocked(state)).toBe(false);
    expect(lockout.isLocked({ failures: 3, lockedUntil: null })).toBe(false);
  });
});
