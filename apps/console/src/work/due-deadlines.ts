import { WorkingCalendar, endOfLondonDay, londonDate } from '@mediation/calendar';

export interface DeadlineRow {
  caseId: string;
  caseReference: string;
  label: string;
  basis: string;
  status: string;
  dueAt: string | null;
}

/** The end of the London day `workingDays` working days from today: how far ahead My work looks. */
export function deadlineHorizon(now: Date, workingDays = 10, calendar = new WorkingCalendar()): Date {
  return endOfLondonDay(calendar.addWorkingDaysToDate(londonDate(now), workingDays));
}

/** Deadlines a person must act on: breached ones first, then those due within `workingDays` London working days, soonest first. */
export function dueDeadlines(rows: readonly DeadlineRow[], now: Date, workingDays = 10, calendar = new WorkingCalendar()): DeadlineRow[] {
  const horizon = deadlineHorizon(now, workingDays, calendar);
  const due = rows.filter((d) => d.status === 'breached' || (d.status === 'pending' && d.dueAt !== null && new Date(d.dueAt).getTime() <= horizon.getTime()));
  return due.sort((a, b) => {
    if ((a.status === 'breached') !== (b.status === 'breached')) return a.status === 'breached' ? -1 : 1;
    return new Date(a.dueAt ?? 0).getTime() - new Date(b.dueAt ?? 0).getTime();
  });
}
