import type { CaseReportData } from './case-report-data';

const at = (iso: string) => new Date(iso);

/** A realistic possession case, for the renderer's tests and for looking at the PDF. */
export function sampleCaseReport(overrides: Partial<CaseReportData> = {}): CaseReportData {
  return {
    reference: 'REF-2027-000042',
    closure: 1,
    issuedAt: at('2027-06-01T08:00:00Z'),
    openedAt: at('2027-05-04T13:12:00Z'),
    closedAt: at('2027-06-01T08:00:00Z'),
    provider: { name: 'Calm Waters Mediation CIC', address: ['12 Harbour Row', 'London SE1 9PG'] },
    contract: { reference: 'MOJ-PMS-2027', title: 'Possession Mediation Services Pilot', buyer: 'Ministry of Justice', version: 2, template: 'possession' },
    serviceLine: { key: 'possession-mediation', name: 'Possession claim mediation' },
    referrer: { name: 'Priya Shah', organisation: 'HMCTS, Central London County Court' },
    summary:
      'The claimant landlord sought possession for rent arrears of £3,480. Both parties agreed to a remote mediation, held on 18 May 2027. The tenant proposed a repayment plan; the landlord accepted part of it but wanted the arrears cleared within six months, which the tenant could not commit to.',
    outcome: { key: 'not-settled', label: 'Not settled', expected: false },
    parties: [
      { role: 'claimant', name: 'Northbank Housing Association' },
      { role: 'defendant', name: 'Jordan Ellis' },
    ],
    team: [
      { role: 'case-manager', name: 'Alex Morgan' },
      { role: 'mediator', name: 'Sam O’Neill' },
    ],
    timeline: [
      { at: at('2027-05-04T13:12:00Z'), kind: 'status', text: 'Referral received; case opened (status: referred)' },
      { at: at('2027-05-05T09:30:00Z'), kind: 'communication', text: 'Email out to Jordan Ellis: mediation offer' },
      { at: at('2027-05-05T10:02:00Z'), kind: 'milestone', text: 'Contact made with the parties' },
      { at: at('2027-05-06T08:15:00Z'), kind: 'status', text: 'Status: referred to contacted' },
      { at: at('2027-05-18T13:00:00Z'), kind: 'session', text: 'Remote mediation session held (90 minutes)' },
      { at: at('2027-06-01T08:00:00Z'), kind: 'status', text: 'Case closed: Not settled' },
    ],
    deadlines: [
      {
        label: 'First contact with the parties',
        kind: 'provider',
        dueAt: at('2027-05-06T16:59:59Z'),
        status: 'met',
        metAt: at('2027-05-05T10:02:00Z'),
        late: false,
      },
      {
        label: 'Mediation held before the hearing',
        kind: 'provider',
        dueAt: at('2027-06-07T22:59:59Z'),
        status: 'met',
        metAt: at('2027-05-18T13:00:00Z'),
        late: false,
      },
      { label: 'Outcome reported to the court', kind: 'provider', dueAt: at('2027-05-20T16:59:59Z'), status: 'breached', metAt: null, late: false },
    ],
    evidence: [
      {
        exhibitRef: 'JE/1',
        kind: 'letter',
        description: 'Letter from the tenant proposing a repayment plan of £150 a month',
        producedBy: 'Jordan Ellis',
        sha256: '9f2c1b7e4d3a5f6e8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f60718293a4b5c6',
        version: 1,
        redactedFrom: null,
        filesDeletedAt: null,
      },
      {
        exhibitRef: 'JE/1-R1',
        kind: 'letter',
        description: 'Letter from the tenant (redacted)',
        producedBy: 'Jordan Ellis',
        sha256: '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
        version: 1,
        redactedFrom: 'JE/1',
        filesDeletedAt: null,
      },
      {
        exhibitRef: 'NH/1',
        kind: 'other',
        description: 'Rent statement, January to May 2027',
        producedBy: 'Northbank Housing Association',
        sha256: 'c6b5a4938271605f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a10',
        version: 2,
        redactedFrom: null,
        filesDeletedAt: null,
      },
    ],
    recommendations: ['The claim proceeds to the possession hearing; the court may wish to note that the tenant offered a repayment plan of £150 a month.'],
    ...overrides,
  };
}
