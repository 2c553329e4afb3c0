import { daysBetween, endOfLondonDay, londonDate, type DayKind, type WorkingCalendar } from '@mediation/calendar';
import { DeadlineRuleSchema, type DeadlineRule } from '@mediation/protocol';

/** The kinds of due time a paused clock can carry over: days counted from its start (the schema refuses pausing a fixed date). */
type DaysDue = Extract<DeadlineRule['due'], { kind: 'calendar-days' | 'working-days' }>;

/** The stored rule of a deadline when it stops while its case is paused; null for any other (statutory and fixed-date clocks run on). */
export function pausableRule(ruleDefinition: unknown): (DeadlineRule & { due: DaysDue }) | null {
  const parsed = DeadlineRuleSchema.safeParse(ruleDefinition);
  return parsed.success ? pausableOf(parsed.data) : null;
}

/** A rule already parsed (the contract book's, or a stored one its caller parsed) when its clock stops while its case is paused; null for any other. */
export function pausableOf(rule: DeadlineRule): (DeadlineRule & { due: DaysDue }) | null {
  if (!rule.pausable || rule.kind !== 'provider') return null;
  const { due } = rule;
  return due.kind === 'calendar-days' || due.kind === 'working-days' ? { ...rule, due } : null;
}

export const dayKindOf = (due: DaysDue): DayKind => (due.kind === 'working-days' ? 'working' : 'calendar');

/**
 * The whole days a clock had left when its case was paused: from the pause's London date (not counted,
 * as the start day is not) to its due London date, counted the rule's way. The pause day itself was
 * used, so a clock paused on its due day has 0 left and falls due at the end of the day it resumes.
 */
export function remainingDays(due: DaysDue, pausedAt: Date, dueAt: Date, calendar: WorkingCalendar): number {
  const from = londonDate(pausedAt);
  const to = londonDate(dueAt);
  if (to <= from) return 0;
  return due.kind === 'calendar-days' ? daysBetween(from, to) : calendar.workingDaysBetween(from, to);
}

/** When a resumed clock falls due: the end of the London day `remaining` days (of the rule's kind) after the resume's London date. */
export function resumedDueAt(due: DaysDue, resumedAt: Date, remaining: number, calendar: WorkingCalendar): Date {
  const from = londonDate(resumedAt);
  // A working-day clock always falls due on a working day, even with nothing left and a resume at the weekend.
  if (due.kind === 'working-days' && remaining === 0) return endOfLondonDay(calendar.onOrNextWorkingDay(from));
  return calendar.endOfDaysAfter(from, remaining, dayKindOf(due));
}

/** The columns of a clock to start, as the case's pause leaves them: a pausable clock starting while the case is paused starts paused. */
export function startingWhilePaused<C extends { status: string; startedAt: Date; dueAt: Date | null; remindersAt: Date[]; reminderRules: number[] }>(
  columns: C,
  rule: DeadlineRule,
  casePausedAt: Date | null,
  calendar: WorkingCalendar,
): C | (C & { status: 'paused'; pausedAt: Date; remainingDays: number }) {
  // The rule came from the contract book, already parsed: a clock starting on an open case (nearly all) reads nothing more.
  if (!casePausedAt || columns.status !== 'pending' || !columns.dueAt) return columns;
  const pausedRule = pausableOf(rule);
  if (!pausedRule) return columns;
  const pausedAt = columns.startedAt.getTime() > casePausedAt.getTime() ? columns.startedAt : casePausedAt;
  if (columns.dueAt.getTime() <= pausedAt.getTime()) return columns;
  return {
    ...columns,
    status: 'paused',
    pausedAt,
    remainingDays: remainingDays(pausedRule.due, pausedAt, columns.dueAt, calendar),
    remindersAt: [],
    reminderRules: [],
  };
}
