import { calendarFor } from '@mediation/calendar';
import { DeadlineRuleSchema, type DeadlineRule } from '@mediation/protocol';
import type { z } from 'zod';
import { openingStart, readClock, reminderTimes } from './deadline-clock';

/**
 * The clocks of each shipped template (apps/intake/src/templates), copied here because one service
 * never imports another: if a template's rule changes, this copy is what the engine was proven on.
 */
const basis = { kind: 'contractual' as const, text: 'copied from the template', source: { document: 'template' } };
const rules = (list: Omit<z.input<typeof DeadlineRuleSchema>, 'basis' | 'label'>[]) => list.map((r) => DeadlineRuleSchema.parse({ label: r.key, basis, ...r }));
const calendar = calendarFor();

function clocksOn(
  template: DeadlineRule[],
  startEvent: string,
  at: Date,
  dates: Record<string, string> = {},
  received = { receivedAt: at, clockStartsAt: at },
) {
  return Object.fromEntries(
    template
      .filter((r) => r.startEvent === startEvent)
      .map((r) => {
        const reading = readClock(r, ['referral.received', 'case.opened'].includes(startEvent) ? openingStart(r, received) : at, dates, calendar);
        return [r.key, reading.status === 'pending' ? reading.dueAt.toISOString() : `awaiting ${reading.awaitingField}`];
      }),
  );
}

describe('housing ASB template: two weeks from referral in office hours, case report 5 working days after closing', () => {
  const template = rules([
    {
      key: 'initial-contact',
      startEvent: 'referral.received',
      stopEvent: 'contact.made',
      due: { kind: 'calendar-days', days: 14 },
      startsInOfficeHours: true,
      reminders: [{ days: 2, dayKind: 'working' }],
    },
    {
      key: 'first-visit',
      startEvent: 'referral.received',
      stopEvent: 'visit.held',
      due: { kind: 'calendar-days', days: 14 },
      startsInOfficeHours: true,
      reminders: [{ days: 2, dayKind: 'working' }],
    },
    {
      key: 'case-report',
      startEvent: 'case.closed',
      stopEvent: 'report.sent',
      repeats: true,
      due: { kind: 'working-days', days: 5 },
      reminders: [{ days: 2, dayKind: 'working' }],
    },
  ]);

  it('a referral at 17:30 on Friday 27 March 2026 starts at 09:00 on Monday 30 March; contact and visit are due by the end of Monday 13 April (BST), reminded at 09:00 on Thursday 9 April', () => {
    const received = { receivedAt: new Date('2026-03-27T17:30:00Z'), clockStartsAt: new Date('2026-03-30T08:00:00Z') };
    expect(clocksOn(template, 'referral.received', received.receivedAt, {}, received)).toEqual({
      'initial-contact': '2026-04-13T22:59:59.999Z',
      'first-visit': '2026-04-13T22:59:59.999Z',
    });
    expect(reminderTimes(template[0].reminders, new Date('2026-04-13T22:59:59.999Z'), calendar).map((d) => d.toISOString())).toEqual([
      '2026-04-09T08:00:00.000Z',
    ]);
  });

  it('a case closed on Christmas Eve 2026 owes its report by the end of 5 January 2027', () => {
    expect(clocksOn(template, 'case.closed', new Date('2026-12-24T10:00:00Z'))).toEqual({ 'case-report': '2027-01-05T23:59:59.999Z' });
  });
});

describe('possession template: contact within 2 working days, mediation before the hearing', () => {
  const template = rules([
    {
      key: 'contact-parties',
      startEvent: 'referral.received',
      stopEvent: 'contact.made',
      due: { kind: 'working-days', days: 2 },
      reminders: [{ days: 1, dayKind: 'working' }],
    },
    {
      key: 'mediation-before-hearing',
      startEvent: 'referral.received',
      stopEvent: 'mediation.held',
      due: { kind: 'before-date-field', field: 'hearingDate', days: 1, dayKind: 'calendar' },
      reminders: [{ days: 2, dayKind: 'working' }],
    },
  ]);
  const referred = new Date('2027-03-02T10:00:00Z');

  it('a claim referred on Tuesday 2 March 2027 with its hearing on Wednesday 10 March: contact by the end of Thursday 4 March, mediation by the end of Tuesday 9 March', () => {
    expect(clocksOn(template, 'referral.received', referred, { hearingDate: '2027-03-10' })).toEqual({
      'contact-parties': '2027-03-04T23:59:59.999Z',
      'mediation-before-hearing': '2027-03-09T23:59:59.999Z',
    });
  });

  it('the hearing moved to Wednesday 14 April 2027 moves the mediation to the end of Tuesday 13 April (BST)', () => {
    expect(clocksOn(template, 'referral.received', referred, { hearingDate: '2027-04-14' })['mediation-before-hearing']).toBe('2027-04-13T22:59:59.999Z');
  });

  it('a claim without a hearing date yet waits for it', () => {
    expect(clocksOn(template, 'referral.received', referred)['mediation-before-hearing']).toBe('awaiting hearingDate');
  });
});

describe('SEND template: 30 days from the LA being told, certificates in 3 working days, the family’s appeal deadline', () => {
  const template = rules([
    {
      key: 'mediation-within-30-days',
      startEvent: 'referral.received',
      startsFromField: 'laInformedDate',
      stopEvent: 'mediation.held',
      cancelEvents: ['mediation.declined'],
      due: { kind: 'calendar-days', days: 30 },
      reminders: [{ days: 5, dayKind: 'working' }],
    },
    { key: 'certificate-after-mediation', startEvent: 'mediation.held', stopEvent: 'certificate.issued', due: { kind: 'working-days', days: 3 } },
    { key: 'certificate-no-mediation', startEvent: 'mediation.declined', stopEvent: 'certificate.issued', due: { kind: 'working-days', days: 3 } },
    { key: 'certificate-deemed', startEvent: 'mediation.delayed', stopEvent: 'certificate.issued', due: { kind: 'working-days', days: 3 } },
    {
      key: 'appeal-deadline',
      kind: 'informational',
      startEvent: 'certificate.issued',
      stopEvent: 'appeal.lodged',
      due: { kind: 'later-of-months', field: 'decisionLetterDate', fieldMonths: 2, startMonths: 1, tribunalTime: 'send' },
      reminders: [
        { days: 10, dayKind: 'working', audience: ['parties'], partyRoles: ['parent', 'young-person'] },
        { days: 2, dayKind: 'working', audience: ['parties'], partyRoles: ['parent', 'young-person'] },
      ],
    },
  ]);
  const dates = { laInformedDate: '2026-12-19', decisionLetterDate: '2026-11-20' };

  it('referred on 19 December 2026: mediation due by the end of 18 January 2027', () => {
    expect(clocksOn(template, 'referral.received', new Date('2026-12-19T10:00:00Z'), dates)).toEqual({
      'mediation-within-30-days': '2027-01-18T23:59:59.999Z',
    });
  });

  it('mediation held on 23 December 2026: certificate due by the end of 30 December', () => {
    expect(clocksOn(template, 'mediation.held', new Date('2026-12-23T15:00:00Z'), dates)).toEqual({
      'certificate-after-mediation': '2026-12-30T23:59:59.999Z',
    });
  });

  it('family declines on 21 December 2026: certificate due by the end of 24 December; mediation that cannot be held in time, told 24 December: by the end of 31 December', () => {
    expect(clocksOn(template, 'mediation.declined', new Date('2026-12-21T10:00:00Z'), dates)).toEqual({
      'certificate-no-mediation': '2026-12-24T23:59:59.999Z',
    });
    expect(clocksOn(template, 'mediation.delayed', new Date('2026-12-24T10:00:00Z'), dates)).toEqual({ 'certificate-deemed': '2026-12-31T23:59:59.999Z' });
  });

  it('certificate issued on 30 December 2026 after a decision letter of 20 November: the later end (30 January 2027, a Saturday) moves to 17:00 on Monday 1 February', () => {
    expect(clocksOn(template, 'certificate.issued', new Date('2026-12-30T12:00:00Z'), dates)).toEqual({ 'appeal-deadline': '2027-02-01T17:00:00.000Z' });
  });

  it('that appeal deadline reminds the family, not the staff, at 09:00 ten and two working days before: Monday 18 and Thursday 28 January 2027', () => {
    const appeal = template.find((r) => r.key === 'appeal-deadline')!;
    expect(reminderTimes(appeal.reminders, new Date('2027-02-01T17:00:00.000Z'), calendar).map((d) => d.toISOString())).toEqual([
      '2027-01-18T09:00:00.000Z',
      '2027-01-28T09:00:00.000Z',
    ]);
    expect(appeal.reminders.map((r) => r.audience)).toEqual([['parties'], ['parties']]);
  });
});

describe('OOCR template: conditions completed by the date the police set', () => {
  const template = rules([
    {
      key: 'conditions-completed',
      startEvent: 'referral.received',
      stopEvent: 'conditions.completed',
      due: { kind: 'before-date-field', field: 'conditionsDueDate', days: 0, dayKind: 'calendar' },
      reminders: [{ days: 5, dayKind: 'working', audience: ['assigned-staff', 'parties'], partyRoles: ['participant'] }],
    },
    { key: 'outcome-to-police', startEvent: 'case.closed', stopEvent: 'report.sent', repeats: true, due: { kind: 'working-days', days: 2 } },
  ]);

  it('conditions due on 15 July 2026 run to the end of that day (BST), reminded at 09:00 on Wednesday 8 July', () => {
    expect(clocksOn(template, 'referral.received', new Date('2026-06-01T10:00:00Z'), { conditionsDueDate: '2026-07-15' })).toEqual({
      'conditions-completed': '2026-07-15T22:59:59.999Z',
    });
    expect(reminderTimes(template[0].reminders, new Date('2026-07-15T22:59:59.999Z'), calendar).map((d) => d.toISOString())).toEqual([
      '2026-07-08T08:00:00.000Z',
    ]);
  });

  it('a case closed on Friday 17 July 2026 reports to the police by the end of Tuesday 21 July', () => {
    expect(clocksOn(template, 'case.closed', new Date('2026-07-17T10:00:00Z'))).toEqual({ 'outcome-to-police': '2026-07-21T22:59:59.999Z' });
  });
});

describe('pre-CMH template: the meeting a working day before the first case management hearing', () => {
  const template = rules([
    {
      key: 'meeting-before-cmh',
      startEvent: 'referral.received',
      stopEvent: 'meeting.held',
      due: { kind: 'before-date-field', field: 'firstCmhDate', days: 1, dayKind: 'working' },
      reminders: [{ days: 2, dayKind: 'working' }],
    },
  ]);

  it('a first CMH on Monday 15 June 2026 needs the meeting by the end of Friday 12 June', () => {
    expect(clocksOn(template, 'referral.received', new Date('2026-06-01T10:00:00Z'), { firstCmhDate: '2026-06-15' })).toEqual({
      'meeting-before-cmh': '2026-06-12T22:59:59.999Z',
    });
  });

  it('a first CMH on Monday 4 January 2027 needs it by the end of Thursday 31 December 2026 (New Year’s Day is a bank holiday)', () => {
    expect(clocksOn(template, 'referral.received', new Date('2026-12-01T10:00:00Z'), { firstCmhDate: '2027-01-04' })).toEqual({
      'meeting-before-cmh': '2026-12-31T23:59:59.999Z',
    });
  });
});
