import { uuidv7 } from '@mediation/protocol';
import { assembleCaseReport } from './case-report.assembler';
import type { CaseFile } from './case-report.repository';
import { POSSESSION_DEFINITION } from './closed-case.fixture';

const at = (iso: string) => new Date(iso);

function caseFile(overrides: Partial<CaseFile> = {}): CaseFile {
  const caseId = uuidv7();
  return {
    case: { id: caseId, serviceLine: 'possession-mediation', contractVersion: 1, openedAt: at('2027-05-04T13:12:00Z'), receivedAt: at('2027-05-04T13:11:00Z'), referrer: { name: 'Priya Shah', email: 'priya@court.example', organisation: 'HMCTS' }, dates: { hearingDate: '2027-06-08' } },
    contract: { template: 'possession', definition: POSSESSION_DEFINITION },
    parties: [{ id: uuidv7(), role: 'defendant', name: 'Jordan Ellis', email: 'jordan@example.com' }],
    team: [{ role: 'mediator', name: 'Sam O’Neill', endedAt: null }],
    statusChanges: [
      { fromStatus: 'referred', toStatus: 'contacted', reason: 'Phoned the defendant, who disclosed a health condition', outcome: null, changedAt: at('2027-05-05T10:00:00Z') },
      { fromStatus: 'contacted', toStatus: 'closed', reason: 'No agreement on the arrears.', outcome: 'not-settled', changedAt: at('2027-06-01T08:00:00Z') },
    ],
    milestones: [{ milestone: 'mediation.held', occurredAt: at('2027-05-18T13:00:00Z') }],
    communications: [{ direction: 'out', channel: 'phone', subject: null, occurredAt: at('2027-05-05T09:30:00Z') }],
    certificates: [],
    ...overrides,
  } as unknown as CaseFile;
}

const closed = { caseId: uuidv7(), contractId: uuidv7(), serviceLine: 'possession-mediation', reference: 'REF-2027-000042', outcome: 'not-settled', outcomeExpected: false, closedAt: '2027-06-01T08:00:00.000Z', timesReopened: 0 };

describe('assembleCaseReport', () => {
  const data = assembleCaseReport({ file: caseFile(), closed, deadlines: [], providerName: 'Calm Waters', issuedAt: at('2027-06-01T08:05:00Z') });

  it('takes names and labels from the contract version the case ran under', () => {
    expect(data.serviceLine.name).toBe('Possession claim mediation');
    expect(data.outcome).toEqual({ key: 'not-settled', label: 'Not settled', expected: false });
    expect(data.contract).toMatchObject({ title: 'Possession Mediation Services Pilot', buyer: 'Ministry of Justice', reference: 'MOJ-PMS-2027' });
  });

  it('uses the closing reason as the summary and derives the recommendation from the template and hearing date', () => {
    expect(data.summary).toBe('No agreement on the arrears.');
    expect(data.recommendations[0]).toBe('The claim proceeds to the possession hearing on Tuesday 8 June 2027: no agreement was reached in mediation.');
  });

  it('keeps names and roles only: no contact details, and no reasons given on other moves', () => {
    const text = JSON.stringify(data);
    expect(text).not.toContain('jordan@example.com');
    expect(text).not.toContain('priya@court.example');
    expect(text).not.toContain('health condition');
    expect(data.parties).toEqual([{ role: 'defendant', name: 'Jordan Ellis' }]);
  });

  it('builds the timeline from the status history, sessions and communications', () => {
    expect(data.timeline.map((e) => e.text)).toEqual(['Referral received', 'Case opened', 'Status changed from referred to contacted', 'Case closed: Not settled', 'Mediation session held', 'Phone call made']);
  });

  it('falls back to readable keys when the contract version is unknown', () => {
    const bare = assembleCaseReport({ file: caseFile({ contract: null }), closed, deadlines: [], providerName: 'Calm Waters', issuedAt: new Date() });
    expect([bare.serviceLine.name, bare.outcome.label, bare.contract.title]).toEqual(['Possession mediation', 'Not settled', null]);
  });
});
