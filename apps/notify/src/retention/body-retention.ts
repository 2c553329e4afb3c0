const DAY_MS = 24 * 60 * 60 * 1000;

/** What a cleared subject line and body read: the columns are NOT NULL, and a marker says why they are empty. */
export const ANONYMISED = '(anonymised)';

/**
 * The instant before which a delivery sent or given up has kept its address, subject and body long enough:
 * `days` whole days of 24 hours before now (a delivery exactly on the line is kept until the next run).
 */
export function bodyRetentionCutoff(now: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`the body retention must be a whole number of days, at least 1 (got ${days})`);
  return new Date(now.getTime() - days * DAY_MS);
}
