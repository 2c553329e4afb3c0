import { calendarFor } from '@mediation/calendar';
import { PROVIDER_COMPLAINTS_POLICY, type ComplaintsPolicy } from '@mediation/protocol';
import { complaintDueDates, isComplaintOverdue, respondByAfterAcknowledgement, wasLate } from './complaint-due-dates';

const HOUSING_OMBUDSMAN_CODE: ComplaintsPolicy = {
  acknowledgeWithin: { days: 5, dayKind: 'working' },
  respondWithin: { days: 10, dayKind: 'working', from: 'acknowledged' },
  tellReferrer: true,
  basis: { kind: 'contractual', text: 'The Council complaints process.', source: { document: 'seeds/001', section: '§8.6' } },
};
const noClosures = calendarFor();
const christmasEve = new Date('2026-12-24T16:00:00.000Z'); // 16:00 on Thursday 24 December 2026 (GMT)

describe('the dates a complaint is due by', () => {
  it('a complaint received at 16:00 on Christmas Eve 2026 under the Housing Ombudsman Code is acknowledged by the end of Tuesday 5 January 2027, skipping 25 and 28 December and 1 January', () => {
    // Working days after Thursday 24 December: Tue 29, Wed 30, Thu 31 December, Mon 4, Tue 5 January.
    const due = complaintDueDates(HOUSING_OMBUDSMAN_CODE, noClosures, christmasEve);
    expect(due.acknowledgeBy.toISOString()).toBe('2027-01-05T23:59:59.999Z');
    // Provisionally 10 working days after the last day to acknowledge, until it is acknowledged.
    expect(due.respondBy.toISOString()).toBe('2027-01-19T23:59:59.999Z');
    expect(due.respondFrom).toBe('acknowledged');
  });

  it('once acknowledged, a stage 1 response runs 10 working days from the day it actually was', () => {
    expect(respondByAfterAcknowledgement(HOUSING_OMBUDSMAN_CODE, noClosures, new Date('2027-01-07T10:00:00.000Z')).toISOString()).toBe(
      '2027-01-21T23:59:59.999Z',
    );
    expect(respondByAfterAcknowledgement(HOUSING_OMBUDSMAN_CODE, noClosures, new Date('2026-12-29T09:30:00.000Z')).toISOString()).toBe(
      '2027-01-13T23:59:59.999Z',
    );
  });

  it('the provider’s standard counts 20 working days from receipt', () => {
    const due = complaintDueDates(PROVIDER_COMPLAINTS_POLICY, noClosures, christmasEve);
    expect(due.acknowledgeBy.toISOString()).toBe('2027-01-05T23:59:59.999Z');
    expect(due.respondBy.toISOString()).toBe('2027-01-26T23:59:59.999Z');
    expect(due.respondFrom).toBe('received');
  });

  it('the line’s closure days are not working days', () => {
    const due = complaintDueDates(HOUSING_OMBUDSMAN_CODE, calendarFor([{ date: '2026-12-29' }, { date: '2026-12-30' }]), christmasEve);
    expect(due.acknowledgeBy.toISOString()).toBe('2027-01-07T23:59:59.999Z');
  });

  it('the day ends at London midnight, an hour earlier in UTC in summer, and counts from the London date of receipt', () => {
    // 23:30 UTC on Monday 1 June 2026 is 00:30 on Tuesday 2 June in London: the count starts from Tuesday.
    const due = complaintDueDates(HOUSING_OMBUDSMAN_CODE, noClosures, new Date('2026-06-01T23:30:00.000Z'));
    expect(due.acknowledgeBy.toISOString()).toBe('2026-06-09T22:59:59.999Z');
  });

  it('calendar days count weekends and bank holidays alike', () => {
    const due = complaintDueDates(
      { ...HOUSING_OMBUDSMAN_CODE, acknowledgeWithin: { days: 3, dayKind: 'calendar' }, respondWithin: { days: 28, dayKind: 'calendar', from: 'received' } },
      noClosures,
      christmasEve,
    );
    expect(due.acknowledgeBy.toISOString()).toBe('2026-12-27T23:59:59.999Z');
    expect(due.respondBy.toISOString()).toBe('2027-01-21T23:59:59.999Z');
  });
});

describe('overdue and late complaints', () => {
  const acknowledgeBy = new Date('2027-01-05T23:59:59.999Z');
  const respondBy = new Date('2027-01-19T23:59:59.999Z');

  it('a received complaint is overdue once its acknowledgement day has ended, not before', () => {
    expect(isComplaintOverdue({ status: 'received', acknowledgeBy, respondBy }, new Date('2027-01-05T23:59:59.999Z'))).toBe(false);
    expect(isComplaintOverdue({ status: 'received', acknowledgeBy, respondBy }, new Date('2027-01-06T00:00:00.000Z'))).toBe(true);
  });

  it('an acknowledged complaint is overdue once its response day has ended; a resolved one never is', () => {
    expect(isComplaintOverdue({ status: 'acknowledged', acknowledgeBy, respondBy }, new Date('2027-01-10T12:00:00.000Z'))).toBe(false);
    expect(isComplaintOverdue({ status: 'acknowledged', acknowledgeBy, respondBy }, new Date('2027-01-20T00:00:00.000Z'))).toBe(true);
    expect(isComplaintOverdue({ status: 'resolved', acknowledgeBy, respondBy }, new Date('2027-03-01T00:00:00.000Z'))).toBe(false);
  });

  it('a complaint recorded before policies were kept has no dates and is never overdue', () => {
    expect(isComplaintOverdue({ status: 'received', acknowledgeBy: null, respondBy: null }, new Date('2030-01-01T00:00:00.000Z'))).toBe(false);
  });

  it('a step is late when taken after its day ended, and unknown until taken', () => {
    expect(wasLate(new Date('2027-01-05T17:00:00.000Z'), acknowledgeBy)).toBe(false);
    expect(wasLate(new Date('2027-01-06T09:00:00.000Z'), acknowledgeBy)).toBe(true);
    expect(wasLate(null, acknowledgeBy)).toBeNull();
    expect(wasLate(new Date('2027-01-06T09:00:00.000Z'), null)).toBeNull();
  });
});
