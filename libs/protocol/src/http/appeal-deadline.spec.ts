import { appealDeadlineOf } from './appeal-deadline';
import type { DeadlineView } from './case.schemas';

const deadline = (rule: string, startedAt: string, dueAt: string | null, status: DeadlineView['status'] = 'pending'): DeadlineView => ({
  id: '01a30000-0000-7000-8000-000000000001',
  rule,
  label: rule,
  kind: 'informational',
  basis: 'x',
  basisSource: null,
  startedAt,
  dueAt,
  awaitingField: null,
  status,
  metAt: null,
  late: false,
  revision: 1,
  firedAt: null,
});

describe('the appeal deadline a certificate states', () => {
  const clocks = [
    deadline('appeal-deadline', '2027-01-06T10:00:00.000Z', '2027-02-06T17:00:00Z'),
    deadline('appeal-deadline', '2027-03-01T10:00:00Z', '2027-04-01T16:00:00Z'),
    deadline('appeal-deadline', '2027-04-01T10:00:00Z', '2027-05-01T16:00:00Z', 'cancelled'),
    deadline('certificate-after-mediation', '2027-05-01T10:00:00Z', '2027-05-04T16:00:00Z'),
  ];

  it('is the appeal clock its issue started, each certificate its own, whatever the ISO spelling of the instant', () => {
    expect(appealDeadlineOf(clocks, '2027-01-06T10:00:00Z')?.dueAt).toBe('2027-02-06T17:00:00Z');
    expect(appealDeadlineOf(clocks, new Date('2027-03-01T10:00:00Z'))?.dueAt).toBe('2027-04-01T16:00:00Z');
  });

  it('is none for a cancelled clock, another rule’s clock, or a certificate whose clock scheduling has not started yet', () => {
    expect(appealDeadlineOf(clocks, '2027-04-01T10:00:00Z')).toBeNull();
    expect(appealDeadlineOf(clocks, '2027-05-01T10:00:00Z')).toBeNull();
    expect(appealDeadlineOf(clocks, '2027-06-01T10:00:00Z')).toBeNull();
  });
});
