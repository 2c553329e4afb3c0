import { Clock } from '@mediation/platform';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

export interface SignInState {
  failedSignIns: number;
  lockedUntil: Date | null;
}

/** After five wrong passwords in a row an account is locked for fifteen minutes; the state is stored, so every replica sees it. */
export class Lockout {
  constructor(private readonly clock: Clock) {}

  isLocked(state: SignInState): boolean {
    return state.lockedUntil !== null && state.lockedUntil > this.clock.now();
  }

  /** The state after one more wrong password: the fifth locks the account and starts the count again. */
  afterFailure(state: SignInState): SignInState {
    // A guess against a locked account is refused unchecked, so it neither counts nor extends the lock.
    if (this.isLocked(state)) return state;
    const failed = state.failedSignIns + 1;
    if (failed < MAX_FAILED_SIGN_INS) return { failedSignIns: failed, lockedUntil: state.lockedUntil };
    return { failedSignIns: 0, lockedUntil: new Date(this.clock.now().getTime() + LOCKOUT_MINUTES * 60_000) };
  }

  afterSuccess(): SignInState {
    return { failedSignIns: 0, lockedUntil: null };
  }
}
