import { dueDeadlines, type DeadlineRow } from './due-deadlines';

const row = (label: string, status: string, dueAt: string | null): DeadlineRow => ({ caseId: 'c', caseReference: 'R', label, basis: 'b', status, dueAt });

describe('My work: deadlines breached, then due within 10 London working days', () => {
  // Friday 18 December 2026: ten working days on skips the weekends, Christmas Day, Boxing Day (substitute Monday 28th) and New Year's Day.
  const now = new Date('2026-12-18T10:00:00Z');

  it('puts breached ones first, then the soonest due, and leaves out those beyond the horizon, met or waiting for a date', () => {
    const rows = [
      row('later but in time', 'pending', '2027-01-06T23:59:59Z'),
      row('beyond', 'pending', '2027-01-07T00:00:00Z'),
      row('soon', 'pending', '2026-12-21T23:59:59Z'),
      row('missed', 'breached', '2026-12-01T23:59:59Z'),
      row('done', 'met', '2026-12-20T23:59:59Z'),
      row('no date', 'awaiting-date', null),
    ];
    expect(dueDeadlines(rows, now).map((d) => d.label)).toEqual(['missed', 'soon', 'later but in time']);
  });
});
