import { pdfText } from '@mediation/testing';
import { renderDocument } from '@mediation/documents';
import type { ContractDefinition, Kpi } from '@mediation/protocol';
import { openedCase, type CaseFacts } from '../kpis/kpi-engine';
import { packCsv } from './pack.csv';
import { figuresHash, packFigures, twelveMonthsTo, volumesOf } from './pack-figures';
import { packDocument, rag } from './pack.renderer';
import { packRecipients } from './issue-pack.use-case';

const kpi: Kpi = {
  key: 'expected-outcome',
  label: 'Cases resolved with an expected outcome',
  measure: { kind: 'expected-outcome-rate' },
  target: { comparator: 'gte', value: 90, unit: 'percent' },
  period: 'monthly',
  basis: { kind: 'contractual' },
} as Kpi;
const versions = new Map([[1, { serviceLines: [{ key: 'noise', kpis: [kpi] }] } as unknown as ContractDefinition]]);
const aCase = (id: string, openedAt: string, over: Partial<CaseFacts> = {}): CaseFacts => ({
  ...openedCase({
    caseId: `00000000-0000-7000-8000-0000000000${id}`,
    reference: `HSG-${id}`,
    contractVersion: 1,
    serviceLine: 'noise',
    receivedAt: new Date(openedAt),
    openedAt: new Date(openedAt),
  }),
  ...over,
});
const closed = (at: string, outcome: string, expected: boolean) => ({ closedAt: new Date(at), outcome, expected });
const when = (at: string | undefined) => (at ? new Date(at) : null);
const complaint = (c: { received: string; acknowledgeBy?: string; acknowledged?: string; late?: boolean; respondBy?: string; resolved?: string }) => ({
  receivedAt: new Date(c.received),
  acknowledgeBy: when(c.acknowledgeBy),
  respondBy: when(c.respondBy),
  acknowledgedAt: when(c.acknowledged),
  acknowledgedLate: c.late ?? null,
  resolvedAt: when(c.resolved),
});
const cases = [
  aCase('01', '2026-10-03T10:00:00Z', {
    closures: [closed('2026-11-05T10:00:00Z', 'good-neighbour-agreement', true)],
    surveys: [{ answeredAt: new Date('2026-11-09T10:00:00Z'), scores: { satisfaction: 5 } }],
    // Received in October; acknowledged and answered in November, both in time.
    complaints: [
      complaint({
        received: '2026-10-28T10:00:00Z',
        acknowledgeBy: '2026-11-04T23:59:59Z',
        acknowledged: '2026-11-02T10:00:00Z',
        respondBy: '2026-11-25T23:59:59Z',
        resolved: '2026-11-20T10:00:00Z',
      }),
    ],
  }),
  aCase('02', '2026-11-03T10:00:00Z', {
    closures: [closed('2026-11-20T10:00:00Z', 'closed-other', false)],
    surveys: [{ answeredAt: new Date('2026-11-22T10:00:00Z'), scores: { satisfaction: 2 } }],
    // Acknowledged two days late, not yet answered.
    complaints: [
      complaint({
        received: '2026-11-10T10:00:00Z',
        acknowledgeBy: '2026-11-17T23:59:59Z',
        acknowledged: '2026-11-19T10:00:00Z',
        respondBy: '2026-12-17T23:59:59Z',
      }),
    ],
  }),
  // Received on the 28th, not yet due to be acknowledged.
  aCase('03', '2026-11-04T10:00:00Z', { complaints: [complaint({ received: '2026-11-28T10:00:00Z', acknowledgeBy: '2026-12-05T23:59:59Z' })] }),
  aCase('04', '2026-11-05T10:00:00Z', { endedAt: [new Date('2026-11-10T10:00:00Z')] }),
  aCase('05', '2026-09-05T10:00:00Z', {
    closures: [closed('2026-09-25T10:00:00Z', 'good-neighbour-agreement', true)],
    reopenings: [{ reopenedAt: new Date('2026-11-25T10:00:00Z'), previouslyClosedAt: new Date('2026-09-25T10:00:00Z') }],
    // No acknowledgement date known (an older event), not marked late; answered three days after its response date.
    complaints: [
      complaint({
        received: '2026-11-01T10:00:00Z',
        acknowledged: '2026-11-03T10:00:00Z',
        late: false,
        respondBy: '2026-11-15T23:59:59Z',
        resolved: '2026-11-18T10:00:00Z',
      }),
    ],
  }),
];
const figures = packFigures({ contractId: '00000000-0000-7000-8000-00000000c001', period: '2026-11', cases, versions, latestVersion: 1, today: '2026-12-01' });

describe('the monthly pack’s figures', () => {
  it('twelve months to the period, oldest first, across a new year', () => {
    expect(twelveMonthsTo('2027-02')).toEqual([
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
  });

  it('the month’s KPI, its trend, and volumes worked out by hand: opened 3, closed 2 by outcome, open at month end 2 (03, and 05 reopened; 01 and 02 closed, 04 withdrawn)', () => {
    expect(figures.kpis).toEqual([expect.objectContaining({ key: 'expected-outcome', numerator: 1, denominator: 2, value: 50, status: 'fail' })]);
    expect(figures.trend.kpis[0].values.slice(-3)).toEqual([100, null, 50]);
    expect(volumesOf(cases, '2026-11')).toEqual({
      month: '2026-11',
      referralsReceived: 3,
      casesOpened: 3,
      casesClosed: 2,
      closedByOutcome: { 'closed-other': 1, 'good-neighbour-agreement': 1 },
      openAtMonthEnd: 2,
      deadlinesMissed: 0,
      surveysAnswered: 2,
      meanSatisfaction: 3.5,
      complaints: { received: 3, acknowledged: 3, acknowledgedInTime: 2, responded: 2, respondedInTime: 1, openAtMonthEnd: 2 },
    });
  });

  it('complaints against their timescales, by hand: October received 1 and left it open; November received 3 (02, 03, 05), acknowledged 3 (01 and 05 in time, 02 late), answered 2 (01 in time, 05 late), 02 and 03 open at its end', () => {
    expect(volumesOf(cases, '2026-10').complaints).toEqual({
      received: 1,
      acknowledged: 0,
      acknowledgedInTime: 0,
      responded: 0,
      respondedInTime: 0,
      openAtMonthEnd: 1,
    });
    expect(volumesOf(cases, '2026-11').complaints).toEqual({
      received: 3,
      acknowledged: 3,
      acknowledgedInTime: 2,
      responded: 2,
      respondedInTime: 1,
      openAtMonthEnd: 2,
    });
  });

  it('the same facts give the same hash; one more closure changes it', () => {
    const again = packFigures({ contractId: figures.contractId, period: '2026-11', cases, versions, latestVersion: 1, today: '2026-12-01' });
    expect(figuresHash(again)).toBe(figuresHash(figures));
    const more = packFigures({
      contractId: figures.contractId,
      period: '2026-11',
      cases: [...cases, aCase('06', '2026-11-01T10:00:00Z', { closures: [closed('2026-11-02T10:00:00Z', 'x', true)] })],
      versions,
      latestVersion: 1,
      today: '2026-12-01',
    });
    expect(figuresHash(more)).not.toBe(figuresHash(figures));
  });

  it('the CSV holds the same numbers, one KPI row, twelve trend rows and the volumes', () => {
    const csv = packCsv(figures).trim().split('\n');
    expect(csv[0]).toBe('section,month,key,label,numerator,denominator,value,unit,target,status');
    expect(csv[1]).toBe('kpi,2026-11,expected-outcome,Cases resolved with an expected outcome,1,2,50,percent,gte 90,fail');
    expect(csv.filter((l) => l.startsWith('trend,'))).toHaveLength(12);
    expect(csv).toContain('volume,2026-11,open-at-month-end,,,,2,count,,');
    expect(csv).toContain('volume,2026-11,closed:closed-other,,,,1,count,,');
    expect(csv).toContain('volume,2026-11,complaints-received,,,,3,count,,');
    expect(csv).toContain('volume,2026-11,complaints-responded-in-time,,,,1,count,,');
    expect(csv).toContain('volume,2026-11,complaints-open-at-month-end,,,,2,count,,');
  });

  it('red, amber or green against the target', () => {
    const f = figures.kpis[0];
    expect(rag({ ...f, value: 92, status: 'pass' })).toBe('Green');
    expect(rag({ ...f, value: 86, status: 'fail' })).toBe('Amber');
    expect(rag(f)).toBe('Red');
    expect(rag({ ...f, value: null, status: 'no-data' })).toBe('No data');
  });

  it('the PDF names the organisation and the contract, each KPI with its target and mark, and the volumes', async () => {
    const pdf = await renderDocument(
      packDocument({
        organisation: { name: 'Calm Waters Mediation', address: ['12 Harbour Row'] },
        contract: { reference: 'HSG-2026', title: 'Housing mediation services', buyer: 'The Council' },
        figures,
        figuresSha256: figuresHash(figures),
        issue: 1,
        issuedAt: new Date('2026-12-01T06:00:00Z'),
      }),
    );
    const text = pdfText(pdf);
    for (const expected of [
      'Calm Waters Mediation',
      'Monthly performance',
      'Housing mediation services',
      'November 2026',
      'Cases resolved with an expected outcome',
      '1 of 2',
      '50%',
      '≥ 90%',
      'Red',
      'Open at month end',
      'Complaints acknowledged',
      '3 (2 within the timescale)',
      'Complaints responded to',
      '2 (1 within the timescale)',
      figuresHash(figures),
    ])
      expect(text).toContain(expected);
  });
});

describe('who the monthly pack is emailed to', () => {
  it('each line’s monthly-performance recipients with an address, once per address whatever its case', () => {
    const definition = {
      serviceLines: [
        {
          reportRecipients: [
            { role: 'authorised officer', email: 'Officer@council.example', reports: ['monthly-performance'] },
            { role: 'case officer', email: 'cases@council.example', reports: ['case-closure'] },
            { role: 'commissioner', reports: ['monthly-performance'] },
          ],
        },
        { reportRecipients: [{ email: 'officer@council.example', reports: ['monthly-performance', 'invoice'] }] },
      ],
    } as unknown as ContractDefinition;
    expect(packRecipients(definition)).toEqual([{ role: 'authorised officer', email: 'Officer@council.example' }]);
    expect(packRecipients({ serviceLines: [{ reportRecipients: [] }] } as unknown as ContractDefinition)).toEqual([]);
  });
});
