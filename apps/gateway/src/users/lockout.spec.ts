import { Clock } from '@mediation/platform';
import { Lockout, type SignInState } from './lockout';

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

describe('lockout after repeated wrong passwords', () => {
  const fresh: SignInState = { failedSignIns: 0, lockedUntil: null };
  let clock: StoppedClock;
  let lockout: Lockout;

  beforeEach(() => {
    clock = new StoppedClock(new Date('2026-11-20T09:00:00Z'));
    lockout = new Lockout(clock);
  });

  const fail = (state: SignInState, times: number) => Array.from({ length: times }).reduce<SignInState>((s) => lockout.afterFailure(s), state);

  it('four wrong passwords in a row do not lock the account', () => {
    const state = fail(fresh, 4);
    expect(state).toEqual({ failedSignIns: 4, lockedUntil: null });
    expect(lockout.isLocked(state)).toBe(false);
  });

  it('the fifth wrong password at 09:00 locks the account until 09:15', () => {
    const state = fail(fresh, 5);
    expect(state).toEqual({ failedSignIns: 0, lockedUntil: new Date('2026-11-20T09:15:00Z') });
    expect(lockout.isLocked(state)).toBe(true);
    clock.advance(14.99);
    expect(lockout.isLocked(state)).toBe(true);
  });

  it('at 09:15 the lock has lifted, and it takes five new wrong passwords to lock it again', () => {
    const locked = fail(fresh, 5);
    clock.advance(15);
    expect(lockout.isLocked(locked)).toBe(false);
    expect(lockout.isLocked(fail(locked, 4))).toBe(false);
    expect(fail(locked, 5).lockedUntil).toEqual(new Date('2026-11-20T09:30:00Z'));
  });

  it('guesses while locked neither count nor extend the lock', () => {
    const locked = fail(fresh, 5);
    clock.advance(10);
    expect(fail(locked, 20)).toEqual(locked);
  });

  it('a right password clears the count, so failures must be in a row', () => {
    const state = lockout.afterSuccess();
    expect(state).toEqual(fresh);
    expect(lockout.isLocked(fail(lockout.afterSuccess(), 4))).toBe(false);
  });
});
