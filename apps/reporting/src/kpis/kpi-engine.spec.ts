import type { ContractDefinition, Kpi } from '@mediation/protocol';
import { londonDate } from '@mediation/calendar';
import { computeKpis, deadlineResult, judge, londonDay, openedCase, partOf, type CaseFacts } from './kpi-engine';
import { periodDays } from './kpi-period';

const november = periodDays('2026-11');
const TODAY = '2026-12-06';

const aCase = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  ...openedCase({
    caseId: '00000000-0000-7000-8000-000000000001',
    reference: 'HSG-1',
    contractVersion: 1,
    serviceLine: 'noise',
    receivedAt: new Date('2026-11-02T10:00:00Z'),
    openedAt: new Date('2026-11-02T10:05:00Z'),
  }),
  ...over,
});
const part = (measure: Kpi['measure'], c: CaseFacts) => partOf(measure, c, november, TODAY);

describe('each measure kind counts the cases its rule puts in the period', () => {
  it('deadline-met-rate: the rule’s deadlines due in the period that were met or missed; pending and cancelled ones do not count', () => {
    const measure = { kind: 'deadline-met-rate', deadlineRule: 'first-visit' } as const;
    const dl = (dueAt: string, result: CaseFacts['deadlines'][number]['result'], rule = 'first-visit') => ({
      deadlineId: dueAt,
      rule,
      dueAt: new Date(dueAt),
      result,
    });
    expect(part(measure, aCase({ deadlines: [dl('2026-11-16T23:59:59Z', 'met')] }))).toEqual({ denominator: 1, numerator: 1 });
    expect(part(measure, aCase({ deadlines: [dl('2026-11-16T23:59:59Z', 'missed')] }))).toEqual({ denominator: 1, numerator: 0 });
    expect(part(measure, aCase({ deadlines: [dl('2026-11-16T23:59:59Z', 'cancelled'), dl('2026-11-17T10:00:00Z', 'pending')] }))).toEqual({
      denominator: 0,
      numerator: 0,
    });
    // Due on 1 December at 00:30 London time (GMT) is December's; 30 November 23:30 UTC is still November in London.
    expect(part(measure, aCase({ deadlines: [dl('2026-12-01T00:30:00Z', 'met'), dl('2026-11-30T23:30:00Z', 'met')] }))).toEqual({
      denominator: 1,
      numerator: 1,
    });
    expect(part(measure, aCase({ deadlines: [dl('2026-11-16T23:59:59Z', 'met', 'initial-contact')] }))).toEqual({ denominator: 0, numerator: 0 });
  });

  it('expected-outcome-rate and outcome-rate: closures in the period, by their outcome', () => {
    const closures = [
      { closedAt: new Date('2026-11-10T12:00:00Z'), outcome: 'good-neighbour-agreement', expected: true },
      { closedAt: new Date('2026-11-20T12:00:00Z'), outcome: 'closed-other', expected: false },
      { closedAt: new Date('2026-10-20T12:00:00Z'), outcome: 'closed-other', expected: false },
    ];
    expect(part({ kind: 'expected-outcome-rate' }, aCase({ closures }))).toEqual({ denominator: 2, numerator: 1 });
    expect(part({ kind: 'outcome-rate', outcomes: ['closed-other'] }, aCase({ closures }))).toEqual({ denominator: 2, numerator: 1 });
  });

  it('reopened-rate: closures in the period reopened within N months of that closure', () => {
    const closedAt = new Date('2026-11-10T12:00:00Z');
    const measure = { kind: 'reopened-rate', withinMonths: 12 } as const;
    const closures = [{ closedAt, outcome: 'x', expected: true }];
    expect(part(measure, aCase({ closures, reopenings: [{ previouslyClosedAt: closedAt, reopenedAt: new Date('2027-11-10T11:00:00Z') }] }))).toEqual({
      denominator: 1,
      numerator: 1,
    });
    expect(part(measure, aCase({ closures, reopenings: [{ previouslyClosedAt: closedAt, reopenedAt: new Date('2027-11-11T12:00:00Z') }] }))).toEqual({
      denominator: 1,
      numerator: 0,
    });
    expect(part(measure, aCase({ closures }))).toEqual({ denominator: 1, numerator: 0 });
    // Closed at 12:00 GMT in November; 12 months on is 10 November 2027 at 12:00 London (GMT again): a minute after is too late.
    expect(part(measure, aCase({ closures, reopenings: [{ previouslyClosedAt: closedAt, reopenedAt: new Date('2027-11-10T12:00:00Z') }] }))).toEqual({
      denominator: 1,
      numerator: 1,
    });
    expect(part(measure, aCase({ closures, reopenings: [{ previouslyClosedAt: closedAt, reopenedAt: new Date('2027-11-10T12:01:00Z') }] }))).toEqual({
      denominator: 1,
      numerator: 0,
    });
    // Closed at 12:00 BST in June (11:00 UTC); within 3 months runs to 12:00 BST in September.
    const june = new Date('2026-06-10T11:00:00Z');
    const short = { kind: 'reopened-rate', withinMonths: 3 } as const;
    const inJune = { closures: [{ closedAt: june, outcome: 'x', expected: true }] };
    expect(
      partOf(
        short,
        aCase({ ...inJune, reopenings: [{ previouslyClosedAt: june, reopenedAt: new Date('2026-09-10T11:00:00Z') }] }),
        periodDays('2026-06'),
        TODAY,
      ),
    ).toEqual({ denominator: 1, numerator: 1 });
    expect(
      partOf(
        short,
        aCase({ ...inJune, reopenings: [{ previouslyClosedAt: june, reopenedAt: new Date('2026-09-10T11:00:01Z') }] }),
        periodDays('2026-06'),
        TODAY,
      ),
    ).toEqual({ denominator: 1, numerator: 0 });
  });

  it('case-flag-rate at N months: cases reaching open + N months in the period, flagged on that very day (not "ever")', () => {
    const measure = { kind: 'case-flag-rate', flag: 'multi-agency-involvement', atMonthsAfterOpening: 3 } as const;
    const openedAugust = { openedAt: new Date('2026-08-15T09:00:00Z') }; // measured on 15 November
    expect(part(measure, aCase({ ...openedAugust, multiAgency: [{ from: '2026-10-01', to: null }] }))).toEqual({ denominator: 1, numerator: 1 });
    expect(part(measure, aCase({ ...openedAugust, multiAgency: [{ from: '2026-09-01', to: '2026-11-14' }] }))).toEqual({ denominator: 1, numerator: 0 });
    expect(part(measure, aCase({ ...openedAugust, multiAgency: [{ from: '2026-11-16', to: null }] }))).toEqual({ denominator: 1, numerator: 0 });
    // Opened in November: measured in February, not now.
    expect(part(measure, aCase({ multiAgency: [{ from: '2026-11-03', to: null }] }))).toEqual({ denominator: 0, numerator: 0 });
    // Without N: cases opened in the period that ever had the flag.
    expect(part({ kind: 'case-flag-rate', flag: 'multi-agency-involvement' }, aCase({ multiAgency: [{ from: '2026-11-03', to: '2026-11-04' }] }))).toEqual({
      denominator: 1,
      numerator: 1,
    });
  });

  it('case-flag-rate: a point still to come (open + N months after today) is not measured yet', () => {
    const measure = { kind: 'case-flag-rate', flag: 'multi-agency-involvement', atMonthsAfterOpening: 3 } as const;
    expect(partOf(measure, aCase({ openedAt: new Date('2026-08-20T09:00:00Z') }), november, '2026-11-19')).toEqual({ denominator: 0, numerator: 0 });
  });

  it('funnel-conversion: referrals received in the period that reached the first stage, and of those the ones that reached the next', () => {
    const contacted = aCase({ milestones: [{ name: 'contact.made', occurredAt: new Date('2026-11-03T10:00:00Z') }] });
    const held = aCase({
      milestones: [
        { name: 'contact.made', occurredAt: new Date() },
        { name: 'mediation.held', occurredAt: new Date() },
      ],
    });
    const agreed = aCase({ closures: [{ closedAt: new Date(), outcome: 'settled', expected: true }] });
    expect(part({ kind: 'funnel-conversion', from: 'referral', to: 'contact' }, contacted)).toEqual({ denominator: 1, numerator: 1 });
    expect(part({ kind: 'funnel-conversion', from: 'referral', to: 'contact' }, aCase())).toEqual({ denominator: 1, numerator: 0 });
    expect(part({ kind: 'funnel-conversion', from: 'contact', to: 'session' }, aCase())).toEqual({ denominator: 0, numerator: 0 });
    expect(part({ kind: 'funnel-conversion', from: 'contact', to: 'session' }, held)).toEqual({ denominator: 1, numerator: 1 });
    expect(part({ kind: 'funnel-conversion', from: 'session', to: 'agreement' }, held)).toEqual({ denominator: 1, numerator: 0 });
    expect(part({ kind: 'funnel-conversion', from: 'referral', to: 'agreement' }, agreed)).toEqual({ denominator: 1, numerator: 1 });
    expect(part({ kind: 'funnel-conversion', from: 'referral', to: 'contact' }, aCase({ receivedAt: new Date('2026-10-31T10:00:00Z') }))).toEqual({
      denominator: 0,
      numerator: 0,
    });
  });

  it('count: the named events that happened in the period', () => {
    const milestones = ['2026-11-02', '2026-11-20', '2026-12-01'].map((d) => ({ name: 'workshop.delivered', occurredAt: new Date(`${d}T10:00:00Z`) }));
    expect(part({ kind: 'count', event: 'workshop.delivered' }, aCase({ milestones }))).toEqual({ denominator: 2, numerator: 2 });
    expect(part({ kind: 'count', event: 'data-return.received' }, aCase({ milestones }))).toEqual({ denominator: 0, numerator: 0 });
  });
});

describe('a deadline’s result from its facts', () => {
  const none = { metAt: null, metLate: null, breachedAt: null, cancelledAt: null, correctedTo: null };
  it('met late is missed, a breach taken back is met, a cancelled one does not count', () => {
    expect(deadlineResult({ ...none, metAt: new Date(), metLate: false })).toBe('met');
    expect(deadlineResult({ ...none, metAt: new Date(), metLate: true, breachedAt: new Date() })).toBe('missed');
    expect(deadlineResult({ ...none, breachedAt: new Date(), correctedTo: 'met' })).toBe('met');
    expect(deadlineResult({ ...none, breachedAt: new Date(), correctedTo: 'cancelled' })).toBe('cancelled');
    expect(deadlineResult(none)).toBe('pending');
  });
});

describe('against the target', () => {
  it('each comparator, on the exact ratio; nothing measured is no data', () => {
    expect(judge(90, { comparator: 'gte', value: 90, unit: 'percent' })).toBe('pass');
    expect(judge(89.99, { comparator: 'gte', value: 90, unit: 'percent' })).toBe('fail');
    expect(judge(10, { comparator: 'lt', value: 10, unit: 'percent' })).toBe('fail');
    expect(judge(5, { comparator: 'lte', value: 5, unit: 'percent' })).toBe('pass');
    expect(judge(null, { comparator: 'lte', value: 5, unit: 'percent' })).toBe('no-data');
    expect(judge(3, undefined)).toBe('no-target');
  });
});

describe('a contract’s KPIs, each case by the version it ran under', () => {
  const line = (kpis: Kpi[]) => ({ key: 'noise', kpis }) as unknown as ContractDefinition['serviceLines'][number];
  const v1: Kpi = {
    key: 'expected',
    label: 'Expected (v1)',
    measure: { kind: 'expected-outcome-rate' },
    target: { comparator: 'gte', value: 90, unit: 'percent' },
    period: 'monthly',
    basis: { kind: 'contractual' },
  } as Kpi;
  const v2: Kpi = {
    ...v1,
    label: 'Expected outcome',
    measure: { kind: 'outcome-rate', outcomes: ['good-neighbour-agreement'] },
    target: { comparator: 'gte', value: 50, unit: 'percent' },
  };
  const versions = new Map<number, ContractDefinition>([
    [1, { serviceLines: [line([v1])] } as ContractDefinition],
    [2, { serviceLines: [line([v2])] } as ContractDefinition],
  ]);
  const closed = (caseId: string, contractVersion: number, outcome: string, expected: boolean) =>
    aCase({ caseId, reference: caseId.slice(-3), contractVersion, closures: [{ closedAt: new Date('2026-11-10T12:00:00Z'), outcome, expected }] });

  it('a v1 case counts by v1’s rule and a v2 case by v2’s; label and target are the newest version’s; drill-down names the cases', () => {
    const cases = [
      closed('00000000-0000-7000-8000-000000000a01', 1, 'satisfactory-feedback', true),
      closed('00000000-0000-7000-8000-000000000a02', 2, 'satisfactory-feedback', true),
    ];
    const result = computeKpis({ cases, versions, latestVersion: 2, range: november, today: TODAY });
    expect(result.kpis).toEqual([
      expect.objectContaining({
        key: 'expected',
        label: 'Expected outcome',
        numerator: 1,
        denominator: 2,
        value: 50,
        status: 'pass',
        countingRule: 'closed-in-period',
      }),
    ]);
    expect(result.kpis[0].cases).toEqual({
      numerator: [{ caseId: cases[0].caseId, reference: 'a01' }],
      denominator: [
        { caseId: cases[0].caseId, reference: 'a01' },
        { caseId: cases[1].caseId, reference: 'a02' },
      ],
    });
    expect(result.serviceLines.map((l) => l.serviceLine)).toEqual(['noise']);
  });

  it('no cases in the period: no data, value null', () => {
    const result = computeKpis({ cases: [], versions, latestVersion: 2, range: november, today: TODAY });
    expect(result.kpis[0]).toMatchObject({ numerator: 0, denominator: 0, value: null, status: 'no-data' });
  });
});

describe('the engine’s London day', () => {
  it('agrees with libs/calendar every 7 minutes through both clock changes of 2026 and 2027, and around midnight all year', () => {
    const instants: Date[] = [];
    for (const [from, to] of [
      ['2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z'],
      ['2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z'],
      ['2027-03-27T00:00:00Z', '2027-03-29T00:00:00Z'],
      ['2027-10-30T00:00:00Z', '2027-11-01T00:00:00Z'],
    ])
      for (let t = Date.parse(from); t < Date.parse(to); t += 7 * 60_000) instants.push(new Date(t));
    for (let d = Date.parse('2026-01-01T22:30:00Z'); d < Date.parse('2027-01-01T00:00:00Z'); d += 86_400_000)
      instants.push(new Date(d), new Date(d + 59 * 60_000), new Date(d + 61 * 60_000));
    const disagreeing = instants.filter((i) => londonDay(i) !== londonDate(i)).map((i) => i.toISOString());
    expect(disagreeing).toEqual([]);
  });
});
