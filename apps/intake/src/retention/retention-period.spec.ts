import { isPastRetention, retentionEndsAt, retentionStartOf } from './retention-period';

describe('the retention period of a closed case', () => {
  it('runs for the service line’s months from closure, in London calendar months', () => {
    expect(retentionEndsAt(new Date('2026-01-31T12:00:00Z'), 1).toISOString()).toBe('2026-02-28T12:00:00.000Z');
    expect(retentionEndsAt(new Date('2020-11-22T10:00:00Z'), 72).toISOString()).toBe('2026-11-22T10:00:00.000Z');
  });

  it('a case closed 72 months and a minute ago is past a 72-month period; one closed a day later is not', () => {
    const now = new Date('2026-11-22T10:01:00Z');
    expect(isPastRetention(new Date('2020-11-22T10:00:00Z'), 72, now)).toBe(true);
    expect(isPastRetention(new Date('2020-11-23T10:00:00Z'), 72, now)).toBe(false);
  });

  it('runs from the case’s closure or end, from the rejection of a rejected referral (as it was entered, however late), and not while the case is live', () => {
    const enteredAt = new Date('2026-01-05T10:00:00Z');
    const caseClosedAt = new Date('2026-06-01T12:00:00Z');
    expect(retentionStartOf({ status: 'case-opened', caseClosedAt, enteredAt })).toEqual(caseClosedAt);
    expect(retentionStartOf({ status: 'rejected', caseClosedAt: null, enteredAt })).toEqual(enteredAt);
    expect(retentionStartOf({ status: 'case-opened', caseClosedAt: null, enteredAt })).toBeNull();
    expect(retentionStartOf({ status: 'received', caseClosedAt: null, enteredAt })).toBeNull();
  });
});
