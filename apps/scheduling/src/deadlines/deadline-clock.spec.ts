import { calendarFor } from '@mediation/calendar';
import { DeadlineRuleSchema, type DeadlineRule } from '@mediation/protocol';
import type { z } from 'zod';
import { datesUsedBy, londonDateOf, openingStart, readClock, reminderTimes, sendTribunalDay } from './deadline-clock';

const basis = { kind: 'legal' as const, text: 'test', source: { document: 'test' } };
const rule = (fields: Partial<z.input<typeof DeadlineRuleSchema>> & Pick<DeadlineRule, 'due'>): DeadlineRule =>
  DeadlineRuleSchema.parse({ key: 'r', label: 'R', startEvent: 'referral.received', stopEvent: 'contact.made', basis, ...fields });
const calendar = calendarFor();
const dueOf = (r: DeadlineRule, at: Date, dates: Record<string, string> = {}) => {
  const reading = readClock(r, at, dates, calendar);
  return reading.status === 'pending' ? reading.dueAt.toISOString() : `awaiting ${reading.awaitingField}`;
};

describe('a deadline is due at the end of its due day in London', () => {
  const twoWeeks = rule({ due: { kind: 'calendar-days', days: 14 } });

  it('a clock started at 10:00 on Friday 20 March 2026 runs to the end of Friday 3 April, after the clocks go forward (23:59:59.999 BST)', () => {
    expect(dueOf(twoWeeks, new Date('2026-03-20T10:00:00Z'))).toBe('2026-04-03T22:59:59.999Z');
  });

  it('a clock started at 10:00 on Tuesday 20 October 2026 runs to the end of Tuesday 3 November, after the clocks go back (23:59:59.999 GMT)', () => {
    expect(dueOf(twoWeeks, new Date('2026-10-20T09:00:00Z'))).toBe('2026-11-03T23:59:59.999Z');
  });

  it('the day the clock starts is not counted: a start at 23:30 London on 1 June counts from 2 June, not 3 June', () => {
    // 23:30 BST on 1 June is 22:30 UTC: still 1 June in London.
    expect(dueOf(rule({ due: { kind: 'calendar-days', days: 1 } }), new Date('2026-06-01T22:30:00Z'))).toBe('2026-06-02T22:59:59.999Z');
  });

  it('a start just after midnight London on 2 June (still 1 June in UTC) counts from 2 June', () => {
    expect(dueOf(rule({ due: { kind: 'calendar-days', days: 1 } }), new Date('2026-06-01T23:30:00Z'))).toBe('2026-06-03T22:59:59.999Z');
  });
});

describe('the SEND rules (SEND Regulations 2014; HESC Rules 2008)', () => {
  const mediation = rule({
    key: 'mediation-within-30-days',
    startsFromField: 'laInformedDate',
    stopEvent: 'mediation.held',
    due: { kind: 'calendar-days', days: 30 },
    reminders: [{ days: 5, dayKind: 'working' }],
  });
  const certificate = rule({
    key: 'certificate-after-mediation',
    startEvent: 'mediation.held',
    stopEvent: 'certificate.issued',
    due: { kind: 'working-days', days: 3 },
  });
  const appeal = rule({
    key: 'appeal-deadline',
    kind: 'informational',
    startEvent: 'certificate.issued',
    stopEvent: 'appeal.lodged',
    due: { kind: 'later-of-months', field: 'decisionLetterDate', fieldMonths: 2, startMonths: 1, tribunalTime: 'send' },
  });
  const referredAt = new Date('2026-12-19T11:00:00Z');

  it('a SEND mediation referred on 19 December 2026 (LA told that day) is due by the end of 18 January 2027', () => {
    expect(dueOf(mediation, referredAt, { laInformedDate: '2026-12-19' })).toBe('2027-01-18T23:59:59.999Z');
  });

  it('the 30 days run from the day the LA was told, not from when the provider received the referral', () => {
    expect(dueOf(mediation, new Date('2026-12-22T09:00:00Z'), { laInformedDate: '2026-12-15' })).toBe('2027-01-14T23:59:59.999Z');
  });

  it('the clock started from the date the LA was told starts at the start of that London day', () => {
    const reading = readClock(mediation, referredAt, { laInformedDate: '2026-12-19' }, calendar);
    expect(reading.startedAt.toISOString()).toBe('2026-12-19T00:00:00.000Z');
  });

  it('without the date the LA was told, the mediation clock waits for it instead of being skipped', () => {
    expect(dueOf(mediation, referredAt, {})).toBe('awaiting laInformedDate');
  });

  it('the 5-working-day reminder of the mediation due on Monday 18 January 2027 rings at 09:00 on Monday 11 January', () => {
    expect(reminderTimes(mediation.reminders, new Date('2027-01-18T23:59:59.999Z'), calendar).map((d) => d.toISOString())).toEqual([
      '2027-01-11T09:00:00.000Z',
    ]);
  });

  it('a certificate after a mediation held on 23 December 2026 is due on 30 December 2026 (Christmas Day and the Boxing Day substitute are not working days)', () => {
    expect(dueOf(certificate, new Date('2026-12-23T14:00:00Z'))).toBe('2026-12-30T23:59:59.999Z');
  });

  it('a certificate after the family declines on Friday 18 December 2026 is due on Wednesday 23 December', () => {
    expect(dueOf(rule({ startEvent: 'mediation.declined', due: { kind: 'working-days', days: 3 } }), new Date('2026-12-18T10:00:00Z'))).toBe(
      '2026-12-23T23:59:59.999Z',
    );
  });

  it('a certificate when the 30 days cannot be met, told on Wednesday 30 December 2026, is due on Tuesday 5 January 2027 (New Year’s Day is a bank holiday)', () => {
    expect(dueOf(rule({ startEvent: 'mediation.delayed', due: { kind: 'working-days', days: 3 } }), new Date('2026-12-30T10:00:00Z'))).toBe(
      '2027-01-05T23:59:59.999Z',
    );
  });

  it('appeal: decision letter 1 October 2026, certificate 29 November 2026 → the later end is 29 December, inside 25 December–1 January, so the family has until 17:00 on Monday 4 January 2027', () => {
    expect(dueOf(appeal, new Date('2026-11-29T12:00:00Z'), { decisionLetterDate: '2026-10-01' })).toBe('2027-01-04T17:00:00.000Z');
  });

  it('appeal: decision letter 10 June 2026, certificate 1 July 2026 → the end, 10 August, is in August, so the family has until 17:00 on Tuesday 1 September (31 August is the summer bank holiday)', () => {
    expect(dueOf(appeal, new Date('2026-07-01T12:00:00Z'), { decisionLetterDate: '2026-06-10' })).toBe('2026-09-01T16:00:00.000Z');
  });

  it('appeal: two months from the decision wins when it is later, and a Sunday end moves to Monday (decision 15 September 2026 → Monday 16 November)', () => {
    expect(dueOf(appeal, new Date('2026-09-20T12:00:00Z'), { decisionLetterDate: '2026-09-15' })).toBe('2026-11-16T17:00:00.000Z');
  });

  it('appeal: one month from the certificate wins when it is later, and a Saturday end moves to Monday (certificate 20 February 2027 → Monday 22 March)', () => {
    expect(dueOf(appeal, new Date('2027-02-20T12:00:00Z'), { decisionLetterDate: '2027-01-15' })).toBe('2027-03-22T17:00:00.000Z');
  });

  it('appeal: two months from 31 December is the last day of February (28 February 2027, a Sunday → Monday 1 March)', () => {
    expect(dueOf(appeal, new Date('2027-01-05T12:00:00Z'), { decisionLetterDate: '2026-12-31' })).toBe('2027-03-01T17:00:00.000Z');
  });

  it('appeal: without the decision letter date it waits for it', () => {
    expect(dueOf(appeal, new Date('2027-01-05T12:00:00Z'), {})).toBe('awaiting decisionLetterDate');
  });

  it.each([
    ['2026-12-25', '2027-01-04'],
    ['2027-01-01', '2027-01-04'],
    ['2026-12-24', '2026-12-24'],
    ['2027-08-02', '2027-09-01'],
    ['2027-01-02', '2027-01-04'],
  ])('the tribunal moves an end on %s to %s', (end, moved) => {
    expect(sendTribunalDay(end)).toBe(moved);
  });

  it('an end on Saturday 31 July 2027 moves to Monday 2 August, the next working day: rolling into August does not earn the August extension (r.12(2), not r.12(3))', () => {
    expect(sendTribunalDay('2027-07-31')).toBe('2027-08-02');
  });

  it('an end on Sunday 24 December 2028 moves to Wednesday 27 December, past Christmas Day and the Boxing Day holiday, not to January: the time did not end in 25 December–1 January', () => {
    expect(sendTribunalDay('2028-12-24')).toBe('2028-12-27');
  });

  it('appeal: certificate 30 June 2027 with an older decision → one month ends on Friday 30 July 2027, a working day, so 17:00 that day; the family is never shown September', () => {
    expect(dueOf(appeal, new Date('2027-06-30T12:00:00Z'), { decisionLetterDate: '2027-04-01' })).toBe('2027-07-30T16:00:00.000Z');
  });

  it('appeal: certificate 31 December 2026 with an older decision → one month ends on Sunday 31 January 2027 and moves to Monday 1 February', () => {
    expect(dueOf(appeal, new Date('2026-12-31T12:00:00Z'), { decisionLetterDate: '2026-10-01' })).toBe('2027-02-01T17:00:00.000Z');
  });
});

describe('counting to a date on the case', () => {
  it('N working days before a date steps back over weekends and bank holidays (1 working day before Monday 4 January 2027 is Thursday 31 December 2026)', () => {
    expect(
      dueOf(rule({ due: { kind: 'before-date-field', field: 'firstCmhDate', days: 1, dayKind: 'working' } }), new Date('2026-12-01T10:00:00Z'), {
        firstCmhDate: '2027-01-04',
      }),
    ).toBe('2026-12-31T23:59:59.999Z');
  });

  it('a datetime answer counts by its London date (00:30 BST on 10 June is still 9 June in UTC)', () => {
    expect(londonDateOf('2026-06-09T23:30:00Z')).toBe('2026-06-10');
  });

  it('a malformed date reads as missing, so the clock waits rather than guessing', () => {
    expect(dueOf(rule({ due: { kind: 'before-date-field', field: 'hearingDate', days: 1, dayKind: 'calendar' } }), new Date(), { hearingDate: 'soon' })).toBe(
      'awaiting hearingDate',
    );
  });

  it('a rule names the dates it counts on, so only changes to those reschedule it', () => {
    expect(datesUsedBy(rule({ startsFromField: 'laInformedDate', due: { kind: 'calendar-days', days: 30 } }))).toEqual(['laInformedDate']);
    expect(datesUsedBy(rule({ due: { kind: 'before-date-field', field: 'hearingDate', days: 1, dayKind: 'calendar' } }))).toEqual(['hearingDate']);
    expect(datesUsedBy(rule({ due: { kind: 'working-days', days: 2 } }))).toEqual([]);
  });
});

describe('working days honour the contract’s closure days', () => {
  it('a case report 5 working days after closing on Christmas Eve 2026 is due on 5 January 2027, or on 8 January when the office is shut 29-31 December', () => {
    const report = rule({ startEvent: 'case.closed', due: { kind: 'working-days', days: 5 } });
    const closed = new Date('2026-12-24T10:00:00Z');
    expect(readClock(report, closed, {}, calendar)).toMatchObject({ dueAt: new Date('2027-01-05T23:59:59.999Z') });
    const shut = calendarFor([{ date: '2026-12-29' }, { date: '2026-12-30' }, { date: '2026-12-31' }]);
    expect(readClock(report, closed, {}, shut)).toMatchObject({ dueAt: new Date('2027-01-08T23:59:59.999Z') });
  });
});

describe('the start of a clock started by the referral', () => {
  const facts = { receivedAt: new Date('2026-03-27T17:30:00Z'), clockStartsAt: new Date('2026-03-30T08:00:00Z') };

  it('an office-hours rule counts from the next opening (09:00 BST on Monday 30 March for a referral at 17:30 on Friday 27 March)', () => {
    expect(openingStart({ startsInOfficeHours: true }, facts)).toEqual(facts.clockStartsAt);
    expect(dueOf(rule({ startsInOfficeHours: true, due: { kind: 'calendar-days', days: 14 } }), openingStart({ startsInOfficeHours: true }, facts))).toBe(
      '2026-04-13T22:59:59.999Z',
    );
  });

  it('any other rule counts from the moment the referral arrived', () => {
    expect(openingStart({ startsInOfficeHours: false }, facts)).toEqual(facts.receivedAt);
  });
});
