import type { INestApplicationContext } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { ContractDefinitionSchema, uuidv7, type EventEnvelope, type KpiReport, type RpcMeta } from '@mediation/protocol';
import { FixedClock, startServiceContext, type ServiceContext } from '@mediation/testing';
import { AppModule } from '../app.module';
import { loadReportingConfig } from '../config/reporting.config';
import { ReportingDatabase } from '../database/reporting.database';
import {
  CaseClosedFact,
  CaseEndedFact,
  CaseOpenedFact,
  CaseReopenedFact,
  DeadlineBreachedFact,
  DeadlineCancelledFact,
  DeadlineCorrectedFact,
  DeadlineMetFact,
  DeadlineSetFact,
  MultiAgencyRecordedFact,
  MultiAgencyUpdatedFact,
  SurveyAnsweredFact,
} from '../facts/facts.handlers';
import { ContractSpendReader } from '../spend/contract-spend.reader';
import { GetKpisUseCase } from './get-kpis.use-case';
import { KpiFactsReader } from './kpi-facts.reader';

jest.setTimeout(120_000);

const basis = { kind: 'contractual', text: 'seed 001 §10.5', source: { document: 'seeds/001', section: '§10.5' } };
/** The housing line with the four KPIs of seed 001 §10.5 and the satisfactory feedback of §3.1 and §10.3-10.4, as the housing-asb template declares them. */
const HOUSING = ContractDefinitionSchema.parse({
  reference: 'HSG',
  title: 'Housing mediation services',
  buyers: [{ name: 'The Council', role: 'council' }],
  serviceLines: [
    {
      key: 'noise',
      name: 'Service A – noise nuisance with professional witness',
      form: { fields: [] },
      outcomes: [
        { key: 'satisfactory-feedback', label: 'Satisfactory feedback', expected: true },
        { key: 'good-neighbour-agreement', label: 'Good neighbour agreement', expected: true },
        { key: 'closed-other', label: 'Closed otherwise', expected: false },
      ],
      deadlineRules: [
        {
          key: 'first-visit',
          label: 'Initial visit',
          startEvent: 'referral.received',
          stopEvent: 'visit.held',
          due: { kind: 'calendar-days', days: 14 },
          basis,
        },
      ],
      kpis: [
        {
          key: 'visit-within-2-weeks',
          label: 'Initial visits within two weeks of referral',
          measure: { kind: 'deadline-met-rate', deadlineRule: 'first-visit' },
          target: { comparator: 'gte', value: 100, unit: 'percent' },
          period: 'monthly',
          basis,
        },
        {
          key: 'expected-outcome',
          label: 'Cases resolved with an expected outcome',
          measure: { kind: 'expected-outcome-rate' },
          target: { comparator: 'gte', value: 90, unit: 'percent' },
          period: 'monthly',
          basis,
        },
        {
          key: 'multi-agency-at-3-months',
          label: 'Cases needing multi-agency involvement three months after opening',
          measure: { kind: 'case-flag-rate', flag: 'multi-agency-involvement', atMonthsAfterOpening: 3 },
          target: { comparator: 'lt', value: 10, unit: 'percent' },
          period: 'monthly',
          basis,
        },
        {
          key: 'reopened-within-12-months',
          label: 'Cases reopened within 12 months',
          measure: { kind: 'reopened-rate', withinMonths: 12 },
          target: { comparator: 'lte', value: 5, unit: 'percent' },
          period: 'monthly',
          basis,
        },
        {
          key: 'satisfactory-feedback',
          label: 'Cases with satisfactory feedback from at least one party',
          measure: { kind: 'case-flag-rate', flag: 'satisfactory-feedback' },
          period: 'monthly',
          basis,
        },
      ],
      closureDays: [],
      londonLivingWage: { required: true },
      dataRetentionMonths: 72,
    },
  ],
});

describe('a housing contract’s four §10.5 KPIs and its satisfactory feedback per month, from events, equal to the figures worked out by hand', () => {
  let service: ServiceContext;
  let app: INestApplicationContext;
  const organisationId = uuidv7();
  const contractId = uuidv7();
  const meta: RpcMeta = { organisationId, actorId: 'user:manager', actorType: 'user', correlationId: 'int-kpis' };
  let sequence = 0;
  const envelope = (data: object) =>
    ({ id: uuidv7(), organisationid: organisationId, contractid: contractId, correlationid: 'int', sequence: ++sequence, data }) as never;
  const fold = (handler: { handle(e: EventEnvelope<never>, tx: never, ctx: never): Promise<void> }, data: object) =>
    app.get(ReportingDatabase).run((tx) => handler.handle(envelope(data), tx as never, {} as never), { organisationId });
  const refs = new Map<string, string>();

  const open = async (reference: string, openedAt: string) => {
    const caseId = uuidv7();
    refs.set(reference, caseId);
    await fold(app.get(CaseOpenedFact), {
      caseId,
      contractId,
      contractVersion: 1,
      serviceLine: 'noise',
      reference,
      receivedAt: openedAt,
      openedAt,
      referralId: uuidv7(),
      clockStartsAt: openedAt,
      dates: {},
    });
    return caseId;
  };
  /** A first-visit clock due at `dueAt`, then what became of it. */
  const visit = async (caseId: string, dueAt: string, ...then: ('met' | 'breached' | 'met-late' | 'corrected' | 'cancelled')[]) => {
    const d = { deadlineId: uuidv7(), caseId, rule: 'first-visit', dueAt };
    await fold(app.get(DeadlineSetFact), { ...d, basis: 'x', startedAt: dueAt, kind: 'provider' });
    for (const step of then) {
      if (step === 'met') await fold(app.get(DeadlineMetFact), { ...d, metAt: dueAt, late: false });
      if (step === 'met-late') await fold(app.get(DeadlineMetFact), { ...d, metAt: dueAt, late: true });
      if (step === 'breached') await fold(app.get(DeadlineBreachedFact), { ...d, breachedAt: dueAt });
      if (step === 'corrected') await fold(app.get(DeadlineCorrectedFact), { ...d, breachedAt: dueAt, now: 'met', occurredAt: dueAt });
      if (step === 'cancelled') await fold(app.get(DeadlineCancelledFact), { ...d, kind: 'provider', cancelledAt: dueAt, reason: 'case-ended' });
    }
  };
  const close = (caseId: string, closedAt: string, outcome: string) =>
    fold(app.get(CaseClosedFact), {
      caseId,
      contractId,
      serviceLine: 'noise',
      reference: 'r',
      outcome,
      outcomeExpected: outcome !== 'closed-other',
      closedAt,
      timesReopened: 0,
    });
  const multiAgency = async (caseId: string, from: string, to: string | null) => {
    const involvementId = uuidv7();
    await fold(app.get(MultiAgencyRecordedFact), { caseId, contractId, involvementId, agencyCount: 2, from, to: null, recordedAt: `${from}T10:00:00Z` });
    if (to) await fold(app.get(MultiAgencyUpdatedFact), { caseId, contractId, involvementId, from, to, updatedAt: `${to}T10:00:00Z` });
  };
  /** One party's survey answers (a `satisfaction` of 1-5, when they gave one). */
  const survey = (caseId: string, answeredAt: string, satisfaction?: number) =>
    fold(app.get(SurveyAnsweredFact), {
      caseId,
      contractId,
      invitationId: uuidv7(),
      answeredAt,
      scores: satisfaction === undefined ? {} : { satisfaction },
      flags: { wouldRecommend: true },
    });
  const kpis = (period: string): Promise<KpiReport> =>
    new GetKpisUseCase(
      app.get(ReportingDatabase),
      app.get(KpiFactsReader),
      app.get(ContractBook),
      new FixedClock(new Date('2026-12-06T09:00:00Z')),
      app.get(ContractSpendReader),
    ).execute(meta, {
      contractId,
      period,
    });
  const figures = async (period: string) => Object.fromEntries((await kpis(period)).kpis.map((k) => [k.key, [k.numerator, k.denominator, k.value, k.status]]));

  beforeAll(async () => {
    service = await startServiceContext({ database: 'reporting_kpis', namespace: 'rk', module: () => AppModule.register(loadReportingConfig()) });
    ({ app } = service);
    await app
      .get(ReportingDatabase)
      .run(
        (tx) => app.get(ContractBook).record(tx, { organisationId, contractId, version: 1, status: 'active', template: 'housing-asb', definition: HOUSING }),
        {
          organisationId,
        },
      );

    // September: four visits due (three met, one breached); two closures, both expected; S1 is reopened in October and closes again in November.
    const s1 = await open('S1', '2026-09-01T09:00:00Z');
    const s2 = await open('S2', '2026-09-02T09:00:00Z');
    const s3 = await open('S3', '2026-09-03T09:00:00Z');
    const s4 = await open('S4', '2026-09-04T09:00:00Z');
    await visit(s1, '2026-09-15T22:59:59Z', 'met');
    await visit(s2, '2026-09-16T22:59:59Z', 'met');
    await visit(s3, '2026-09-17T22:59:59Z', 'met');
    await visit(s4, '2026-09-18T22:59:59Z', 'breached');
    await close(s1, '2026-09-20T12:00:00Z', 'satisfactory-feedback');
    await close(s2, '2026-09-25T12:00:00Z', 'good-neighbour-agreement');
    await fold(app.get(CaseReopenedFact), {
      caseId: s1,
      contractId,
      previouslyClosedAt: '2026-09-20T12:00:00Z',
      reopenedAt: '2026-10-05T12:00:00Z',
      countsAsReopened: true,
      reason: 'Noise again',
    });
    await close(s1, '2026-11-10T12:00:00Z', 'satisfactory-feedback');

    // October: three visits due, one of them at 23:30 UTC on 30 September, which is 1 October in London (BST); one breached and met late.
    const o1 = await open('O1', '2026-09-16T10:00:00Z');
    const o2 = await open('O2', '2026-10-05T09:00:00Z');
    const o3 = await open('O3', '2026-10-06T09:00:00Z');
    await visit(o1, '2026-09-30T23:30:00Z', 'met');
    await visit(o2, '2026-10-19T22:59:59Z', 'met');
    await visit(o3, '2026-10-20T22:59:59Z', 'breached', 'met-late');
    await close(o1, '2026-10-10T12:00:00Z', 'satisfactory-feedback');
    await close(o2, '2026-10-20T12:00:00Z', 'closed-other');
    await close(o3, '2026-10-31T23:30:00Z', 'good-neighbour-agreement'); // 31 October in London (GMT)

    // November: a breach taken back (now met), one met, one cancelled (the case was withdrawn); N1 closes expected.
    const n1 = await open('N1', '2026-10-20T09:00:00Z');
    const n2 = await open('N2', '2026-10-25T09:00:00Z');
    const n3 = await open('N3', '2026-10-26T09:00:00Z');
    await visit(n1, '2026-11-03T23:59:59Z', 'breached', 'corrected');
    await visit(n2, '2026-11-08T23:59:59Z', 'met');
    await visit(n3, '2026-11-09T23:59:59Z', 'cancelled');
    await fold(app.get(CaseEndedFact), { caseId: n3, contractId, status: 'withdrawn', endedAt: '2026-11-02T10:00:00Z' });
    await close(n1, '2026-11-20T12:00:00Z', 'satisfactory-feedback');

    // Multi-agency involvement, measured three months after each case opened (June -> September, July -> October, August -> November).
    await multiAgency(await open('M1', '2026-06-10T09:00:00Z'), '2026-07-01', null); // on 10 September: involved
    await multiAgency(await open('M2', '2026-06-20T09:00:00Z'), '2026-07-01', '2026-09-01'); // ended before 20 September: not ("ever" would say yes)
    await open('M3', '2026-07-05T09:00:00Z'); // 5 October: none
    await multiAgency(await open('M4', '2026-07-15T09:00:00Z'), '2026-10-20', null); // began after 15 October: not
    await multiAgency(await open('M5', '2026-08-31T10:00:00Z'), '2026-11-01', null); // 30 November (31 August + 3 months): involved
    await multiAgency(await open('M6', '2026-08-31T23:30:00Z'), '2026-11-01', null); // opened 1 September in London: measured 1 December, not in November

    // Survey answers, counted in the month answered (London): satisfactory when a party rates satisfaction 4 or 5.
    await survey(s1, '2026-09-22T10:00:00Z', 2); // September: S1 not satisfied...
    await survey(s2, '2026-09-27T10:00:00Z', 5); // ...S2 satisfied: 1 of 2
    await survey(o1, '2026-10-12T10:00:00Z', 3); // October: O1's first party 3, its second 4 -> satisfactory from at least one party
    await survey(o1, '2026-10-12T11:00:00Z', 4);
    await survey(o2, '2026-10-22T10:00:00Z'); // no satisfaction score: not counted
    await survey(s1, '2026-10-31T23:30:00Z', 5); // 31 October in London (GMT): S1 satisfied after its reopening -> 2 of 2
    await survey(o3, '2026-11-01T00:30:00Z', 1); // November: O3 not satisfied, N1 satisfied: 1 of 2
    await survey(n1, '2026-11-25T10:00:00Z', 4);
  });

  afterAll(() => service?.close());

  it('September: visits 3 of 4 (75%, fail); expected outcome 2 of 2 (pass); multi-agency at 3 months 1 of 2 (50%, fail); reopened 1 of 2 closures (50%, fail); satisfactory feedback 1 of 2 answered (no target)', async () => {
    expect(await figures('2026-09')).toEqual({
      'visit-within-2-weeks': [3, 4, 75, 'fail'],
      'expected-outcome': [2, 2, 100, 'pass'],
      'multi-agency-at-3-months': [1, 2, 50, 'fail'],
      'reopened-within-12-months': [1, 2, 50, 'fail'],
      'satisfactory-feedback': [1, 2, 50, 'no-target'],
    });
  });

  it('October: visits 2 of 3 (met late is missed); expected outcome 2 of 3; multi-agency 0 of 2 (pass); reopened 0 of 3 (pass); satisfactory feedback 2 of 2 (an answer without a score is not counted)', async () => {
    expect(await figures('2026-10')).toEqual({
      'visit-within-2-weeks': [2, 3, 66.7, 'fail'],
      'expected-outcome': [2, 3, 66.7, 'fail'],
      'multi-agency-at-3-months': [0, 2, 0, 'pass'],
      'reopened-within-12-months': [0, 3, 0, 'pass'],
      'satisfactory-feedback': [2, 2, 100, 'no-target'],
    });
  });

  it('November: visits 2 of 2 (a breach taken back is met, a cancelled clock is not counted); expected 2 of 2; multi-agency 1 of 1 (fail); reopened 0 of 2; satisfactory feedback 1 of 2', async () => {
    expect(await figures('2026-11')).toEqual({
      'visit-within-2-weeks': [2, 2, 100, 'pass'],
      'expected-outcome': [2, 2, 100, 'pass'],
      'multi-agency-at-3-months': [1, 1, 100, 'fail'],
      'reopened-within-12-months': [0, 2, 0, 'pass'],
      'satisfactory-feedback': [1, 2, 50, 'no-target'],
    });
  });

  it('a quarter adds its months up, and each number names the cases behind it (references, no names)', async () => {
    const q4 = await kpis('2026-Q4');
    expect(q4).toMatchObject({ from: '2026-10-01', to: '2026-12-31', contractVersions: [1] });
    const visits = q4.kpis.find((k) => k.key === 'visit-within-2-weeks')!;
    expect([visits.numerator, visits.denominator, visits.value]).toEqual([4, 5, 80]);
    expect(visits.cases.denominator.map((c) => c.reference).sort()).toEqual(['N1', 'N2', 'O1', 'O2', 'O3']);
    expect(visits.cases.numerator.map((c) => c.reference).sort()).toEqual(['N1', 'N2', 'O1', 'O2']);
    expect(visits.cases.numerator.find((c) => c.reference === 'N1')?.caseId).toBe(refs.get('N1'));
    // By 6 December, M6 (opened 1 September in London) and S1-S4 (opened 1-4 September) have reached their three months; only M6 is involved.
    expect((await figures('2026-12'))['multi-agency-at-3-months']).toEqual([1, 5, 20, 'fail']);
    expect(q4.serviceLines.map((l) => l.serviceLine)).toEqual(['noise']);
  });

  it('a commissioner not linked to the contract, and another organisation, read nothing', async () => {
    const use = new GetKpisUseCase(
      app.get(ReportingDatabase),
      app.get(KpiFactsReader),
      app.get(ContractBook),
      new FixedClock(new Date()),
      app.get(ContractSpendReader),
    );
    await expect(use.execute({ ...meta, restrictToContracts: [uuidv7()] }, { contractId, period: '2026-11' })).rejects.toMatchObject({
      problem: { status: 404 },
    });
  });
});
