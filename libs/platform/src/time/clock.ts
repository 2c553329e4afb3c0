/** Injected wherever "now" matters, so rules can be tested at 17:30 on a Friday. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
