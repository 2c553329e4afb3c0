import { foldFacts, rowOf, type Fact } from './fact-rows';

const ref = { organisationId: '00000000-0000-7000-8000-0000000000a1', caseId: '00000000-0000-7000-8000-0000000000c1' };
const deadline = { ...ref, deadlineId: '00000000-0000-7000-8000-0000000000d1', rule: 'first-visit' };
const complaint = { ...ref, complaintId: '00000000-0000-7000-8000-0000000000f1' };
const involvement = { ...ref, involvementId: '00000000-0000-7000-8000-0000000000e1' };

/** A deadline's, a complaint's and a multi-agency period's facts, in the order a stream might hold them. */
const facts: Fact[] = [
  { kind: 'deadline-met', data: { ...deadline, metAt: '2026-11-10T10:00:00Z', late: false } },
  { kind: 'deadline-due', data: { ...deadline, dueAt: '2026-11-12T23:59:59Z', sequence: 2 } },
  { kind: 'deadline-due', data: { ...deadline, dueAt: '2026-11-08T23:59:59Z', sequence: 1 } },
  { kind: 'deadline-due', data: { ...deadline, dueAt: null, sequence: 3 } },
  { kind: 'deadline-breached', data: { ...deadline, breachedAt: '2026-11-12T23:59:59Z' } },
  { kind: 'deadline-corrected', data: { ...deadline, now: 'met' } },
  {
    kind: 'complaint-acknowledged',
    data: { ...complaint, receivedAt: '2026-11-01T10:00:00Z', acknowledgedAt: '2026-11-03T10:00:00Z', late: false, respondBy: '2026-11-17T23:59:59Z' },
  },
  {
    kind: 'complaint-received',
    data: { ...complaint, receivedAt: '2026-11-01T10:00:00Z', acknowledgeBy: '2026-11-06T23:59:59Z', respondBy: '2026-11-29T23:59:59Z' },
  },
  { kind: 'complaint-resolved', data: { ...complaint, receivedAt: '2026-11-01T10:00:00Z', resolvedAt: '2026-11-15T10:00:00Z', finding: 'upheld' } },
  { kind: 'multi-agency', data: { ...involvement, from: '2026-10-01', to: '2026-10-20' } },
  { kind: 'multi-agency', data: { ...involvement, from: '2026-10-02', to: null } },
  { kind: 'case-closed', data: { ...ref, closedAt: '2026-11-20T10:00:00Z', outcome: 'agreement', outcomeExpected: true } },
  { kind: 'case-closed', data: { ...ref, closedAt: '2026-11-20T10:00:00Z', outcome: 'other', outcomeExpected: false } },
];
const rows = (folded: ReturnType<typeof foldFacts>) => Object.fromEntries([...folded].map(([table, list]) => [table.name, list]));

describe('the KPI read model’s rows, folded from facts', () => {
  it('folded all at once, as the rebuild writes them, a deadline is due on the highest sequence, met on time after its breach was taken back', () => {
    expect(rows(foldFacts(facts)).kpi_deadline).toEqual([
      [
        deadline.deadlineId,
        ref.organisationId,
        ref.caseId,
        'first-visit',
        '2026-11-12T23:59:59Z',
        2,
        '2026-11-10T10:00:00Z',
        false,
        '2026-11-12T23:59:59Z',
        null,
        'met',
      ],
    ]);
  });

  it('a complaint keeps the acknowledgement’s response date though the receipt’s came later; an ended period stays ended; the first closure stays', () => {
    const folded = rows(foldFacts(facts));
    expect(folded.kpi_complaint[0].slice(3)).toEqual([
      '2026-11-01T10:00:00Z',
      '2026-11-06T23:59:59Z',
      '2026-11-17T23:59:59Z',
      true,
      '2026-11-03T10:00:00Z',
      false,
      '2026-11-15T10:00:00Z',
      'upheld',
    ]);
    expect(folded.kpi_multi_agency).toEqual([[involvement.involvementId, ref.organisationId, ref.caseId, '2026-10-02', '2026-10-20']]);
    expect(folded.kpi_closure).toEqual([rowOf(facts[11]).row]);
  });

  it('every split into batches folds to the same rows as all at once and as one at a time: batching changes nothing', () => {
    const all = foldFacts(facts);
    // One at a time, as the live consumers write them: each row met by the next of its table.
    for (const [table, list] of all) {
      const one = facts
        .map(rowOf)
        .filter((r) => r.table === table)
        .map((r) => r.row);
      expect(one.reduce((held, next) => (table.merge ? table.merge(held, next) : held))).toEqual(list[0]);
    }
    for (let cut = 1; cut < facts.length; cut++) {
      const [first, second] = [foldFacts(facts.slice(0, cut)), foldFacts(facts.slice(cut))];
      // What the table holds after the first batch, met by the second: the same rule folds them.
      for (const [table, list] of all) {
        const held = first.get(table)?.[0];
        const next = second.get(table)?.[0];
        const merged = held && next ? (table.merge ? table.merge(held, next) : held) : (held ?? next);
        expect([table.name, cut, merged]).toEqual([table.name, cut, list[0]]);
      }
    }
  });
});
