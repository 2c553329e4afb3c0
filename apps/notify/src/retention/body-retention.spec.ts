import { bodyRetentionCutoff } from './body-retention';

describe('how long a delivery with no case or referral keeps its body', () => {
  const now = new Date('2027-06-01T04:15:00.000Z');

  it('is the retention days of 24 hours before the run: 90 days back from 1 June is 3 March, same time', () => {
    expect(bodyRetentionCutoff(now, 90).toISOString()).toBe('2027-03-03T04:15:00.000Z');
  });

  it('counts elapsed time, not London wall-clock days, so a clock change neither keeps nor clears an hour more', () => {
    // 28 March 2027 is the spring change: the cut-off is still exactly 7 × 24 hours earlier.
    expect(bodyRetentionCutoff(new Date('2027-04-01T04:15:00.000Z'), 7).toISOString()).toBe('2027-03-25T04:15:00.000Z');
  });

  it('keeps a delivery sent exactly at the cut-off (the query clears only those sent before it) and a day of 1 is allowed', () => {
    const cutoff = bodyRetentionCutoff(now, 1);
    expect(cutoff.toISOString()).toBe('2027-05-31T04:15:00.000Z');
    expect(new Date('2027-05-31T04:15:00.000Z') < cutoff).toBe(false);
  });

  it('refuses a retention that is not a whole number of days of at least one', () => {
    expect(() => bodyRetentionCutoff(now, 0)).toThrow(RangeError);
    expect(() => bodyRetentionCutoff(now, 1.5)).toThrow(/whole number of days/);
    expect(() => bodyRetentionCutoff(now, Number.NaN)).toThrow(RangeError);
  });
});
