import { Clock } from '@mediation/platform';

/** A clock that stands still at `at` until the test moves it; each reading is a fresh Date, so callers cannot move it by accident. */
export class FixedClock extends Clock {
  constructor(public at: Date) {
    super();
  }

  now(): Date {
    return new Date(this.at);
  }
}
