import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';

export interface DeadlineRule {
  rule: string;
  basis: string;
  /** When the clock, started at `start`, falls due. */
  dueFrom(start: Date): Date;
}

export const LONDON = 'Europe/London';

/**
 * The rule every case gets until contracts carry their own (the contract registry issue):
 * initial contact within two weeks of referral, from the housing mediation specification.
 */
export const INITIAL_CONTACT: DeadlineRule = {
  rule: 'initial-contact',
  basis: 'Housing mediation service specification: initial contact and first visit within 2 weeks of referral',
  // Calendar days in London time, so the clock keeps its wall-clock hour across a clock change.
  dueFrom: (start) => new Date(addDays(new TZDate(start, LONDON), 14).getTime()),
};

export const RULES_ON_CASE_OPENED: readonly DeadlineRule[] = [INITIAL_CONTACT];
