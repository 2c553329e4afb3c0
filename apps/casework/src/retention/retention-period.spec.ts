import { isPastRetention, retentionEndsAt, retentionMonthsOf, retentionStartOf } from './retention-period';

describe('the retention period of a closed case', () => {
  it('runs for the line’s months from closure, in London calendar months (end of month clamps)', () => {
    expect(retentionEndsAt(new Date('2026-01-31T12:00:00Z'), 1).toISOString()).toBe('2026-02-28T12:00:00.000Z');
    expect(retentionEndsAt(new Date('2020-11-22T10:00:00Z'), 72).toISOString()).toBe('2026-11-22T10:00:00.000Z');
  });

  it('a case closed 72 months ago to the minute is past a 72-month period; one closed a day later is not', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    expect(isPastRetention(new Date('2020-11-22T10:00:00Z'), 72, now)).toBe(true);
    expect(isPastRetention(new Date('2020-11-23T10:00:00Z'), 72, now)).toBe(false);
  });

  it('reads dataRetentionMonths of the case’s service line from the projected definition, or says it cannot', () => {
    const definition = {
      serviceLines: [
        { key: 'noise', dataRetentionMonths: 72 },
        { key: 'send', dataRetentionMonths: 300 },
      ],
    };
    expect(retentionMonthsOf(definition, 'send')).toBe(300);
    expect(retentionMonthsOf(definition, 'gone')).toBeNull();
    expect(retentionMonthsOf({ serviceLines: [{ key: 'noise', dataRetentionMonths: 0 }] }, 'noise')).toBeNull();
    expect(retentionMonthsOf(null, 'noise')).toBeNull();
  });

  it('runs from the closure of a closed case, from the end of a withdrawn or rejected one, and not at all for a live case', () => {
    const closedAt = new Date('2026-01-10T10:00:00Z');
    const endedAt = new Date('2026-02-10T10:00:00Z');
    expect(retentionStartOf({ closedAt, outcome: 'agreed', endedAt: null })).toEqual({ at: closedAt, ended: false });
    expect(retentionStartOf({ closedAt: null, outcome: null, endedAt })).toEqual({ at: endedAt, ended: true });
    // Closed, reopened (outcome cleared), then withdrawn: the withdrawal is what counts.
    expect(retentionStartOf({ closedAt, outcome: null, endedAt })).toEqual({ at: endedAt, ended: true });
    expect(retentionStartOf({ closedAt, outcome: null, endedAt: null })).toBeNull();
    expect(retentionStartOf({ closedAt: null, outcome: null, endedAt: null })).toBeNull();
  });
});
