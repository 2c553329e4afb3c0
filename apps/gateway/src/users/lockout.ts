import { Clock } from '@mediation/platform';

/** Wrong passwords in a row from one address before it has to wait. */
export const FREE_ATTEMPTS = 5;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 60 * 60_000;
/** An address that stops failing is forgotten a day after its last wrong password. */
export const FORGET_AFTER_MS = 24 * 60 * 60_000;

/** One address's wrong passwords in a row for one account, and until when it must wait. */
export interface SignInAttemptState {
  failures: number;
  lockedUntil: Date | null;
}

/**
 * Locks a person's password sign-in from one client address only, never for everyone, so knowing
 * someone's email is not enough to lock them out. The fifth wrong password in a row from an address
 * locks it for a minute, and each further one doubles the wait, up to an hour.
 */
export class Lockout {
  constructor(private readonly clock: Clock) {}

  isLocked(state: SignInAttemptState): boolean {
    return state.lockedUntil !== null && state.lockedUntil > this.clock.now();
  }

  /** The lock that follows the given number of wrong passwords in a row, or null while under the free attempts. */
  lockAfter(failures: number): Date | null {
    if (failures < FREE_ATTEMPTS) return null;
    return new Date(this.clock.now().getTime() + Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS), LONGEST_LOCK_MS));
  }
}
