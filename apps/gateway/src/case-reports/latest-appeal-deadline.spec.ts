import type { DeadlineView } from '@mediation/protocol';
import { latestAppealDeadline } from './case-reports.controller';

const deadline = (rule: string, startedAt: string, dueAt: string | null, status: DeadlineView['status'] = 'pending'): DeadlineView => ({
  id: '01a30000-0000-7000-8000-000000000001', rule, label: rule, kind: 'informational', basis: 'x', basisSource: null, startedAt, dueAt, awaitingField: null, status, metAt: null, late: false, revision: 1, firedAt: null,
});

describe('latestAppealDeadline', () => {
  it('is the appeal clock of the latest certificate, ignoring other rules and cancelled clocks', () => {
    expect(
      latestAppealDeadline([
        deadline('appeal-deadline', '2027-01-06T10:00:00Z', '2027-02-06T17:00:00Z'),
        deadline('appeal-deadline', '2027-03-01T10:00:00Z', '2027-04-01T16:00:00Z'),
        deadline('appeal-deadline', '2027-04-01T10:00:00Z', '2027-05-01T16:00:00Z', 'cancelled'),
        deadline('certificate-after-mediation', '2027-05-01T10:00:00Z', '2027-05-04T16:00:00Z'),
      ]),
    ).toBe('2027-04-01T16:00:00Z');
  });

  it('is null when no certificate has started one', () => {
    expect(latestAppealDeadline([deadline('initial-contact', '2027-01-01T10:00:00Z', '2027-01-15T17:00:00Z')])).toBeNull();
  });
});
