import { uuidv7, type EvidenceItemView } from '@mediation/protocol';
import { assembleCaseReport, reportEvidence } from './case-report.assembler';
import type { CaseFile } from './case-report.repository';
import { POSSESSION_DEFINITION } from './closed-case.fixture';

const at = (iso: string) => new Date(iso);

function caseFile(overrides: Partial<CaseFile> = {}): CaseFile {
  const caseId = uuidv7();
  return {
    case: {
      id: caseId,
      serviceLine: 'possession-mediation',
      contractVersion: 1,
      openedAt: at('2027-05-04T13:12:00Z'),
      receivedAt: at('2027-05-04T13:11:00Z'),
      referrer: { name: 'Priya Shah', email: 'priya@court.example', organisation: 'HMCTS' },
      dates: { hearingDate: '2027-06-08' },
    },
    contract: { template: 'possession', definition: POSSESSION_DEFINITION },
    parties: [{ id: uuidv7(), role: 'defendant', name: 'Jordan Ellis', email: 'jordan@example.com' }],
    team: [{ role: 'mediator', name: 'Sam O’Neill', endedAt: null }],
    statusChanges: [
      {
        fromStatus: 'referred',
        toStatus: 'contacted',
        reason: 'Phoned the defendant, who disclosed a health condition',
        outcome: null,
        changedAt: at('2027-05-05T10:00:00Z'),
      },
      { fromStatus: 'contacted', toStatus: 'closed', reason: 'No agreement on the arrears.', outcome: 'not-settled', changedAt: at('2027-06-01T08:00:00Z') },
    ],
    milestones: [{ milestone: 'mediation.held', occurredAt: at('2027-05-18T13:00:00Z') }],
    communications: [{ direction: 'out', channel: 'phone', subject: null, occurredAt: at('2027-05-05T09:30:00Z') }],
    certificates: [],
    pauses: [],
    ...overrides,
  } as unknown as CaseFile;
}

const closed = {
  caseId: uuidv7(),
  contractId: uuidv7(),
  serviceLine: 'possession-mediation',
  reference: 'REF-2027-000042',
  outcome: 'not-settled',
  outcomeExpected: false,
  closedAt: '2027-06-01T08:00:00.000Z',
  timesReopened: 0,
};

describe('assembleCaseReport', () => {
  const data = assembleCaseReport({
    file: caseFile(),
    closed,
    deadlines: [],
    provider: { name: 'Calm Waters', address: null },
    issuedAt: at('2027-06-01T08:05:00Z'),
  });

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
    expect(data.timeline.map((e) => e.text)).toEqual([
      'Referral received',
      'Case opened',
      'Status changed from referred to contacted',
      'Case closed: Not settled',
      'Mediation session held',
      'Phone call made',
    ]);
  });

  it('shows when the clocks were paused, with whom it was agreed, and when they resumed, but not the reason', () => {
    const paused = caseFile({
      pauses: [{ pausedAt: at('2027-05-10T09:00:00Z'), resumedAt: at('2027-05-14T09:00:00Z'), agreedWith: 'the court’s case officer' }],
    } as Partial<CaseFile>);
    const entries = assembleCaseReport({
      file: paused,
      closed,
      deadlines: [],
      provider: { name: 'Calm Waters', address: null },
      issuedAt: at('2027-06-01T08:05:00Z'),
    }).timeline;
    expect(entries.filter((e) => e.kind === 'pause')).toEqual([
      { at: at('2027-05-10T09:00:00Z'), kind: 'pause', text: 'Clocks paused (agreed with the court’s case officer)' },
      { at: at('2027-05-14T09:00:00Z'), kind: 'pause', text: 'Clocks resumed' },
    ]);
  });

  it('tells the case reports owed after each closure of a reopened case apart; a clock that ran once keeps its label', () => {
    const deadline = (rule: string, label: string, occurrence: number, startedAt: string) => ({
      id: uuidv7(),
      rule,
      occurrence,
      label,
      kind: 'provider' as const,
      basis: 'Contract',
      basisSource: null,
      startedAt,
      dueAt: null,
      awaitingField: null,
      status: 'met' as const,
      metAt: null,
      late: false,
      revision: 1,
      firedAt: null,
    });
    const definition = {
      ...POSSESSION_DEFINITION,
      serviceLines: [
        {
          ...POSSESSION_DEFINITION.serviceLines[0],
          deadlineRules: [
            {
              key: 'case-report',
              label: 'Case report',
              startEvent: 'case.closed',
              stopEvent: 'report.sent',
              repeats: true,
              due: { kind: 'working-days', days: 5 },
              basis: { kind: 'contractual', text: 'Contract', source: { document: 'contract' } },
            },
          ],
        },
      ],
    };
    const reopened = caseFile({
      contract: { template: 'possession', definition },
      milestones: [
        { milestone: 'case.closed', occurredAt: at('2027-05-20T10:00:00Z') },
        { milestone: 'case.closed', occurredAt: at('2027-06-01T08:00:00Z') },
      ],
    } as unknown as Partial<CaseFile>);
    const deadlines = [
      deadline('contact-parties', 'First contact', 1, '2027-05-04T13:11:00Z'),
      deadline('case-report', 'Case report', 1, '2027-05-20T10:00:00Z'),
      deadline('case-report', 'Case report', 2, '2027-06-01T08:00:00Z'),
    ];
    const labels = assembleCaseReport({
      file: reopened,
      closed: { ...closed, timesReopened: 1 },
      deadlines,
      provider: { name: 'Calm Waters', address: null },
      issuedAt: at('2027-06-01T08:05:00Z'),
    }).deadlines.map((d) => d.label);
    expect(labels).toEqual(['First contact', 'Case report (after closure 1)', 'Case report (after closure 2)']);
  });

  it('falls back to readable keys when the contract version is unknown', () => {
    const bare = assembleCaseReport({
      file: caseFile({ contract: null }),
      closed,
      deadlines: [],
      provider: { name: 'Calm Waters', address: null },
      issuedAt: new Date(),
    });
    expect([bare.serviceLine.name, bare.outcome.label, bare.contract.title]).toEqual(['Possession mediation', 'Not settled', null]);
  });
});

describe('the case report’s evidence', () => {
  const item = (exhibitRef: string, overrides: Partial<EvidenceItemView> = {}): EvidenceItemView => ({
    id: uuidv7(),
    caseId: uuidv7(),
    exhibitRef,
    kind: 'photograph',
    description: `Exhibit ${exhibitRef}`,
    producedBy: 'Jane Smith',
    capturedAt: null,
    capturedWhere: 'Flat 2, 14 Rose Street',
    source: 'Witness phone',
    version: 1,
    fileName: 'x.jpg',
    mediaType: 'image/jpeg',
    sizeBytes: 10,
    sha256: 'a'.repeat(64),
    redactedFromId: null,
    refersTo: [],
    onHold: false,
    objectsDeletedAt: null,
    createdBy: 'user:x',
    createdAt: '2027-05-05T10:00:00.000Z',
    ...overrides,
  });

  it('lists exhibits in exhibit order (JS/2 before JS/10), with kind, producer and hash, and nothing of where or whence', () => {
    const two = item('JS/2');
    const ten = item('JS/10', { kind: 'noise-diary', sha256: 'b'.repeat(64), version: 3 });
    const listed = reportEvidence([ten, item('AB/1', { producedBy: 'Alan Brown' }), two]);
    expect(listed.map((e) => e.exhibitRef)).toEqual(['AB/1', 'JS/2', 'JS/10']);
    expect(listed[2]).toEqual({
      exhibitRef: 'JS/10',
      kind: 'noise-diary',
      description: 'Exhibit JS/10',
      producedBy: 'Jane Smith',
      sha256: 'b'.repeat(64),
      version: 3,
      redactedFrom: null,
      filesDeletedAt: null,
    });
  });

  it('names a redacted copy’s original by its reference, and says when retention deleted the files', () => {
    const original = item('JS/1');
    const listed = reportEvidence([item('JS/1-R1', { redactedFromId: original.id, objectsDeletedAt: '2027-06-02T09:00:00.000Z' }), original]);
    expect(listed.map((e) => [e.exhibitRef, e.redactedFrom, e.filesDeletedAt])).toEqual([
      ['JS/1', null, null],
      ['JS/1-R1', 'JS/1', new Date('2027-06-02T09:00:00.000Z')],
    ]);
  });

  it('goes into the report as the evidence service listed it', () => {
    const closed = {
      caseId: uuidv7(),
      contractId: uuidv7(),
      reference: 'REF-1',
      outcome: 'not-settled',
      outcomeExpected: false,
      closedAt: '2027-06-01T08:00:00Z',
      timesReopened: 0,
    };
    const data = assembleCaseReport({
      file: caseFile(),
      closed: closed as never,
      deadlines: [],
      evidence: [item('JS/1')],
      provider: { name: 'Calm Waters', address: null },
      issuedAt: new Date('2027-06-01T09:00:00Z'),
    });
    expect(data.evidence.map((e) => e.exhibitRef)).toEqual(['JS/1']);
  });
});
