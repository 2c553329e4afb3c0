import { calendarFor } from '@mediation/calendar';
import { DeadlineRuleSchema, type DeadlineRule } from '@mediation/protocol';
import type { z } from 'zod';
import { readClock } from './deadline-clock';
import { pausableRule, remainingDays, resumedDueAt, startingWhilePaused } from './paused-clock';

const basis = { kind: 'contractual' as const, text: 'test', source: { document: 'test' } };
const rule = (fields: Partial<z.input<typeof DeadlineRuleSchema>> & Pick<DeadlineRule, 'due'>): DeadlineRule =>
  DeadlineRuleSchema.parse({
    key: 'first-visit',
    label: 'Initial visit',
    startEvent: 'referral.received',
    stopEvent: 'visit.held',
    basis,
    pausable: true,
    ...fields,
  });
const calendar = calendarFor();
const twoWeeks = rule({ due: { kind: 'calendar-days', days: 14 } });
const tenWorkingDays = rule({ due: { kind: 'working-days', days: 10 } });
const days = (r: DeadlineRule) => pausableRule(r)!.due;

describe('a paused clock keeps the days it had left and runs them again from the resume', () => {
  it('an initial visit due on Friday 17 April 2026, paused on Monday 6 April with 11 days left, resumed on Monday 13 April, is due at the end of Friday 24 April', () => {
    const dueAt = new Date('2026-04-17T22:59:59.999Z');
    const left = remainingDays(days(twoWeeks), new Date('2026-04-06T11:00:00Z'), dueAt, calendar);
    expect(left).toBe(11);
    expect(resumedDueAt(days(twoWeeks), new Date('2026-04-13T09:30:00Z'), left, calendar).toISOString()).toBe('2026-04-24T22:59:59.999Z');
  });

  it('the pause day itself is used up: paused at 23:30 London on 6 April (22:30 UTC) it still has 11 days, not 12', () => {
    expect(remainingDays(days(twoWeeks), new Date('2026-04-06T22:30:00Z'), new Date('2026-04-17T22:59:59.999Z'), calendar)).toBe(11);
  });

  it('a clock paused on its due day has nothing left and falls due at the end of the day it resumes', () => {
    const left = remainingDays(days(twoWeeks), new Date('2026-04-17T08:00:00Z'), new Date('2026-04-17T22:59:59.999Z'), calendar);
    expect(left).toBe(0);
    expect(resumedDueAt(days(twoWeeks), new Date('2026-04-20T08:00:00Z'), left, calendar).toISOString()).toBe('2026-04-20T22:59:59.999Z');
  });

  it('across the clocks going forward: due Wednesday 1 April 2026 (BST), paused Friday 20 March (GMT) with 12 days, resumed Thursday 26 March, is due at 23:59:59.999 BST on Tuesday 7 April', () => {
    const dueAt = readClock(twoWeeks, new Date('2026-03-18T10:00:00Z'), {}, calendar);
    expect(dueAt).toMatchObject({ status: 'pending', dueAt: new Date('2026-04-01T22:59:59.999Z') });
    const left = remainingDays(days(twoWeeks), new Date('2026-03-20T15:00:00Z'), new Date('2026-04-01T22:59:59.999Z'), calendar);
    expect(left).toBe(12);
    expect(resumedDueAt(days(twoWeeks), new Date('2026-03-26T10:00:00Z'), left, calendar).toISOString()).toBe('2026-04-07T22:59:59.999Z');
  });

  it('across the clocks going back: resumed on Monday 26 October 2026 with 8 days left, it is due at 23:59:59.999 GMT on Tuesday 3 November', () => {
    expect(resumedDueAt(days(twoWeeks), new Date('2026-10-26T10:00:00Z'), 8, calendar).toISOString()).toBe('2026-11-03T23:59:59.999Z');
  });

  it('working days skip the weekend and the Easter bank holidays: paused on Thursday 2 April 2026, due Thursday 16 April, it has 8 working days left', () => {
    expect(remainingDays(days(tenWorkingDays), new Date('2026-04-02T10:00:00Z'), new Date('2026-04-16T22:59:59.999Z'), calendar)).toBe(8);
  });

  it('and resumed on Friday 24 April, those 8 working days run past the early May bank holiday to the end of Thursday 7 May', () => {
    expect(resumedDueAt(days(tenWorkingDays), new Date('2026-04-24T10:00:00Z'), 8, calendar).toISOString()).toBe('2026-05-07T22:59:59.999Z');
  });

  it('a contract closure day is not a working day either', () => {
    const closed = calendarFor([{ date: '2026-04-28' }]);
    expect(resumedDueAt(days(tenWorkingDays), new Date('2026-04-24T10:00:00Z'), 8, closed).toISOString()).toBe('2026-05-08T22:59:59.999Z');
  });

  it('a working-day clock with nothing left, resumed on a Saturday, falls due at the end of the next working day', () => {
    expect(resumedDueAt(days(tenWorkingDays), new Date('2026-04-25T10:00:00Z'), 0, calendar).toISOString()).toBe('2026-04-27T22:59:59.999Z');
  });
});

describe('which clocks stop while a case is paused', () => {
  it('a pausable provider clock counted in days does', () => {
    expect(pausableRule(twoWeeks)).not.toBeNull();
  });

  it('a clock not marked pausable keeps running, and so does a stored rule from before `pausable` existed', () => {
    expect(pausableRule(rule({ due: { kind: 'calendar-days', days: 30 }, pausable: false }))).toBeNull();
    const older: Record<string, unknown> = { ...rule({ due: { kind: 'calendar-days', days: 30 } }) };
    delete older.pausable;
    expect(pausableRule(older)).toBeNull();
  });
});

describe('a pausable clock starting while the case is paused', () => {
  const started = readClock(twoWeeks, new Date('2026-04-08T10:00:00Z'), {}, calendar);
  const columns =
    started.status === 'pending'
      ? { status: 'pending' as string, startedAt: started.startedAt, dueAt: started.dueAt, remindersAt: [new Date('2026-04-20T08:00:00Z')], reminderRules: [0] }
      : null;

  it('starts paused, with all its days left and no reminders until it resumes', () => {
    expect(startingWhilePaused(columns!, twoWeeks, new Date('2026-04-06T11:00:00Z'), calendar)).toMatchObject({
      status: 'paused',
      pausedAt: new Date('2026-04-08T10:00:00Z'),
      remainingDays: 14,
      remindersAt: [],
      reminderRules: [],
    });
  });

  it('starts running when the case is not paused, or when the rule is not pausable', () => {
    expect(startingWhilePaused(columns!, twoWeeks, null, calendar)).toBe(columns);
    expect(startingWhilePaused(columns!, rule({ due: { kind: 'calendar-days', days: 14 }, pausable: false }), new Date('2026-04-06T11:00:00Z'), calendar)).toBe(
      columns,
    );
  });
});
