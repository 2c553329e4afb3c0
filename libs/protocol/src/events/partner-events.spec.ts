import { uuidv7 } from '../common/uuid-v7';
import { EVENT_CATALOG } from './catalog';
import { CaseClosedV1, CaseReopenedV1 } from './casework.events';
import { ReferralReceivedV2 } from './intake.events';
import { eventTypeMatches, PARTNER_EVENT_TYPES, toPartnerEvent } from './partner-events';

const envelope = (type: string, data: Record<string, unknown>) => ({
  specversion: '1.0' as const,
  id: uuidv7(),
  source: '/services/test',
  type,
  subject: uuidv7(),
  time: '2027-01-04T10:00:00Z',
  datacontenttype: 'application/json' as const,
  organisationid: uuidv7(),
  sequence: 1,
  correlationid: 'corr',
  causationid: 'cause',
  traceparent: '00-abc-def-01',
  data,
});

describe('what partners receive', () => {
  it('is every public event and the projection of a received referral, never another internal event', () => {
    for (const event of EVENT_CATALOG)
      expect({ type: event.type, partner: PARTNER_EVENT_TYPES.includes(event.type) }).toEqual({
        type: event.type,
        partner: event.visibility === 'public' || event.type === ReferralReceivedV2.type,
      });
  });

  it('a received referral loses its parties, referrer and answers, and keeps its ids, contract and times', () => {
    const contractId = uuidv7();
    const event = toPartnerEvent(
      envelope(ReferralReceivedV2.type, {
        referralId: uuidv7(),
        reference: 'REF-2027-000001',
        contractId,
        contractVersion: 2,
        serviceLine: 'noise',
        externalReference: 'Claim 123 for Sam Resident',
        referrer: { name: 'Pat Officer', email: 'pat@council.example' },
        parties: [{ role: 'complainant', name: 'Sam Resident', email: 'sam@example.org' }],
        receivedAt: '2027-01-04T10:00:00Z',
        dates: { hearingDate: '2027-02-01' },
        contactAnswers: { victimContactAllowed: true },
      }),
    )!;
    expect(Object.keys(event.data).sort()).toEqual(['contractId', 'contractVersion', 'receivedAt', 'reference', 'referralId', 'serviceLine']);
    expect(event.contractid).toBe(contractId);
    expect(JSON.stringify(event)).not.toMatch(/Sam|Pat|example|Claim|corr|cause|traceparent/);
  });

  it('a public event keeps its data; an internal one without a projection is not sent at all', () => {
    const data = {
      caseId: uuidv7(),
      contractId: uuidv7(),
      serviceLine: 'noise',
      reference: 'C-1',
      outcome: 'settled',
      outcomeExpected: true,
      closedAt: '2027-01-04T10:00:00Z',
      timesReopened: 0,
    };
    expect(toPartnerEvent(envelope(CaseClosedV1.type, data))?.data).toEqual(data);
    expect(toPartnerEvent(envelope(CaseReopenedV1.type, { ...data, reason: 'They asked' }))).toBeUndefined();
  });

  it('matches subscriptions exactly or with * for any run of characters', () => {
    expect(eventTypeMatches('casework.case.*', 'casework.case.closed.v1')).toBe(true);
    expect(eventTypeMatches('casework.case.*', 'casework.complaint.received.v1')).toBe(false);
    expect(eventTypeMatches('*', 'intake.referral.received.v2')).toBe(true);
    expect(eventTypeMatches('casework.case.closed.v1', 'casework.case.closed.v1')).toBe(true);
    expect(eventTypeMatches('casework.case.closed', 'casework.case.closed.v1')).toBe(false);
    expect(eventTypeMatches('casework.case.closed.v?', 'casework.case.closed.v1')).toBe(false);
  });
});
