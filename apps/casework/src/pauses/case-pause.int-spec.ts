import { uuidv7, type ContractPublishedV2, type EventData, type EventEnvelope, type ReferralReceivedV2, type RpcMeta } from '@mediation/protocol';
import { createTestDatabase, FixedClock, problemOf, type TestDatabase } from '@mediation/testing';
import { CaseworkDatabase } from '../database/casework.database';
import { ANONYMISED, CaseRetentionRepository } from '../retention/case-retention.repository';
import { caseworkHarness } from '../testing/casework-harness';

jest.setTimeout(90_000);

const providerA = '01a40000-0000-7000-8000-00000000001a';
const providerB = '01a40000-0000-7000-8000-00000000001b';
const contractId = '01a40000-0000-7000-8000-0000000001c1';
const meta = (organisationId = providerA): RpcMeta => ({ organisationId, actorId: 'user-1', actorType: 'user', correlationId: uuidv7() });

const DEFINITION = {
  reference: 'LB-HMS-PAUSE',
  title: 'Housing mediation services',
  buyers: [{ name: 'The Council', role: 'council' }],
  serviceLines: [
    {
      key: 'noise',
      name: 'Noise nuisance',
      form: { fields: [] },
      outcomes: [{ key: 'good-neighbour-agreement', label: 'Good neighbour agreement', expected: true }],
      deadlineRules: [
        {
          key: 'first-visit',
          label: 'Initial visit',
          startEvent: 'referral.received',
          stopEvent: 'visit.held',
          pausable: true,
          due: { kind: 'calendar-days', days: 14 },
          basis: { kind: 'contractual', text: 'Two weeks.', source: { document: 'seed 001', section: '§10.5' } },
        },
      ],
      londonLivingWage: { required: true },
      dataRetentionMonths: 72,
    },
  ],
};

const published = {
  id: uuidv7(),
  organisationid: providerA,
  correlationid: 'c',
  data: { contractId, version: 1, status: 'active', template: 'housing-asb', definition: DEFINITION },
} as unknown as EventEnvelope<EventData<typeof ContractPublishedV2>>;

const referral = (): EventEnvelope<EventData<typeof ReferralReceivedV2>> =>
  ({
    id: uuidv7(),
    organisationid: providerA,
    correlationid: 'corr',
    data: {
      referralId: uuidv7(),
      reference: `REF-P-${uuidv7().slice(-6)}`,
      contractId,
      serviceLine: 'noise',
      externalReference: `HSG-${uuidv7().slice(-6)}`,
      referrer: { name: 'Olu Officer', email: 'olu@council.example' },
      parties: [{ role: 'complainant', name: 'Ada Tenant' }],
      receivedAt: '2026-04-01T09:00:00.000Z',
      contractVersion: 1,
      clockStartsAt: '2026-04-01T09:00:00.000Z',
      dates: {},
    },
  }) as unknown as EventEnvelope<EventData<typeof ReferralReceivedV2>>;

describe('pausing a case’s clocks, over a real database', () => {
  let db: TestDatabase;
  let casework: CaseworkDatabase;
  const clock = new FixedClock(new Date('2026-04-01T10:00:00Z'));
  let app: ReturnType<typeof caseworkHarness>;

  const outbox = (type: string, caseId: string) =>
    casework
      .$queryRawUnsafe<{ envelope: { data: Record<string, unknown> } }[]>(
        `SELECT envelope FROM casework.outbox WHERE envelope->>'type' = $1 AND envelope->>'subject' = $2 ORDER BY position`,
        type,
        caseId,
      )
      .then((rows) => rows.map((r) => r.envelope.data));
  const pauses = (caseId: string) =>
    casework.run((tx) => tx.casePause.findMany({ where: { caseId }, orderBy: { pausedAt: 'asc' } }), { organisationId: providerA });

  async function openCase(): Promise<string> {
    clock.at = new Date('2026-04-01T10:00:00Z');
    const event = referral();
    await casework.run((tx) => app.openCase.execute(tx, event), { organisationId: providerA });
    return (await app.listCases.execute(meta(), { limit: 200 })).items.find((c) => c.referralId === event.data.referralId)!.id;
  }

  beforeAll(async () => {
    db = await createTestDatabase('casepause');
    casework = new CaseworkDatabase(db.url);
    app = caseworkHarness(casework, clock);
    await casework.run((tx) => app.recordContract.execute(tx, published), { organisationId: providerA });
  });

  afterAll(async () => {
    await casework?.$disconnect();
    await db?.drop();
  });

  it('a pause is recorded once, shown on the case and its timeline, and its event carries no reason', async () => {
    const caseId = await openCase();
    clock.at = new Date('2026-04-06T12:00:00Z');
    const pause = await app.pause.execute(meta(), caseId, {
      reason: 'The resident is in hospital until 12 April',
      agreedWith: 'Olu Officer (authorised officer)',
      pausedAt: '2026-04-06T11:00:00Z',
    });
    expect(pause).toMatchObject({
      caseId,
      pausedAt: '2026-04-06T11:00:00.000Z',
      resumedAt: null,
      recordedBy: 'user-1',
      agreedWith: 'Olu Officer (authorised officer)',
    });
    expect((await app.getCase.execute(meta(), caseId)).pausedSince).toBe('2026-04-06T11:00:00.000Z');

    expect(await problemOf(app.pause.execute(meta(), caseId, { reason: 'Again', agreedWith: 'Olu' }))).toMatchObject({
      status: 409,
      detail: expect.stringMatching(/already paused/),
    });

    const [event] = await outbox('casework.case.paused.v1', caseId);
    expect(event).toEqual({ caseId, contractId, pauseId: pause.id, pausedAt: '2026-04-06T11:00:00.000Z', recordedAt: '2026-04-06T12:00:00.000Z' });
    expect(JSON.stringify(event)).not.toMatch(/hospital|Olu/);

    clock.at = new Date('2026-04-13T09:00:00Z');
    expect(await problemOf(app.resume.execute(meta(), caseId, { resumedAt: '2026-04-06T10:00:00Z' }))).toMatchObject({
      status: 400,
      errors: [{ field: 'resumedAt', code: 'before_paused' }],
    });
    expect(await problemOf(app.resume.execute(meta(), caseId, { resumedAt: '2026-04-14T09:00:00Z' }))).toMatchObject({
      status: 400,
      errors: [{ field: 'resumedAt', code: 'in_future' }],
    });
    const resumed = await app.resume.execute(meta(), caseId, {});
    expect(resumed).toMatchObject({ id: pause.id, resumedAt: '2026-04-13T09:00:00.000Z' });
    expect(await outbox('casework.case.resumed.v1', caseId)).toEqual([
      { caseId, contractId, pauseId: pause.id, pausedAt: '2026-04-06T11:00:00.000Z', resumedAt: '2026-04-13T09:00:00.000Z' },
    ]);
    expect((await app.getCase.execute(meta(), caseId)).pausedSince).toBeNull();
    expect(await problemOf(app.resume.execute(meta(), caseId, {}))).toMatchObject({ status: 409, detail: 'The case is not paused.' });

    const timeline = (await app.timeline.execute(meta(), caseId)).entries.filter((e) => e.kind === 'pause');
    expect(timeline.map((e) => [e.at, e.summary])).toEqual([
      ['2026-04-06T11:00:00.000Z', 'Clocks paused, agreed with Olu Officer (authorised officer): The resident is in hospital until 12 April'],
      ['2026-04-13T09:00:00.000Z', 'Clocks resumed'],
    ]);
  });

  it('a pause may be backdated, but not into the future, before the case opened, or into the previous pause', async () => {
    const caseId = await openCase();
    clock.at = new Date('2026-04-10T12:00:00Z');
    const body = { reason: 'Deferred at the resident’s request', agreedWith: 'The authorised officer' };
    expect(await problemOf(app.pause.execute(meta(), caseId, { ...body, pausedAt: '2026-04-10T13:00:00Z' }))).toMatchObject({
      status: 400,
      errors: [{ field: 'pausedAt', code: 'in_future' }],
    });
    expect(await problemOf(app.pause.execute(meta(), caseId, { ...body, pausedAt: '2026-03-31T09:00:00Z' }))).toMatchObject({
      status: 400,
      errors: [{ field: 'pausedAt', code: 'before_opened' }],
    });
    await app.pause.execute(meta(), caseId, { ...body, pausedAt: '2026-04-02T09:00:00Z' });
    await app.resume.execute(meta(), caseId, { resumedAt: '2026-04-08T09:00:00Z' });
    expect(await problemOf(app.pause.execute(meta(), caseId, { ...body, pausedAt: '2026-04-07T09:00:00Z' }))).toMatchObject({
      status: 400,
      errors: [{ field: 'pausedAt', code: 'overlaps_pause' }],
    });
    expect(await app.pause.execute(meta(), caseId, body)).toMatchObject({ pausedAt: '2026-04-10T12:00:00.000Z' });
  });

  it('closing a paused case ends its pause at the closure, in the same transaction, and a closed case cannot be paused', async () => {
    const caseId = await openCase();
    clock.at = new Date('2026-04-03T10:00:00Z');
    const pause = await app.pause.execute(meta(), caseId, { reason: 'Deferred', agreedWith: 'The authorised officer' });
    await app.assign.execute(meta(), { caseId, staffId: uuidv7(), role: 'case-manager', name: 'Cara Manager', email: 'cara@provider.example' });
    for (const to of ['accepted', 'contacted', 'in-progress']) await app.transition.execute(meta(), caseId, { to });
    clock.at = new Date('2026-04-09T15:00:00Z');
    const closed = await app.close.execute(meta(), caseId, { outcome: 'good-neighbour-agreement', occurredAt: '2026-04-09T14:00:00Z' });
    expect(closed.pausedSince).toBeNull();
    expect((await pauses(caseId)).map((p) => [p.id, p.resumedAt])).toEqual([[pause.id, new Date('2026-04-09T14:00:00Z')]]);
    expect(await outbox('casework.case.resumed.v1', caseId)).toEqual([
      { caseId, contractId, pauseId: pause.id, pausedAt: '2026-04-03T10:00:00.000Z', resumedAt: '2026-04-09T14:00:00.000Z' },
    ]);
    expect(await problemOf(app.pause.execute(meta(), caseId, { reason: 'After closure', agreedWith: 'Nobody' }))).toMatchObject({
      status: 409,
      detail: expect.stringMatching(/Only an active case can be paused/),
    });

    // At the end of its retention period, why it paused and who agreed are anonymised with the rest; the dates stay.
    const done = await casework.run(
      (tx) => new CaseRetentionRepository(casework).anonymise(tx, { id: caseId, organisationId: providerA }, new Date('2032-05-01T00:00:00Z'), () => 'sealed'),
      { organisationId: providerA },
    );
    expect(done?.counts.pauses).toBe(1);
    expect((await pauses(caseId)).map((p) => [p.reason, p.agreedWith, p.pausedAt])).toEqual([[ANONYMISED, ANONYMISED, new Date('2026-04-03T10:00:00Z')]]);
  });

  it('ending (rejecting) a paused case ends its pause too', async () => {
    const caseId = await openCase();
    clock.at = new Date('2026-04-02T10:00:00Z');
    const pause = await app.pause.execute(meta(), caseId, { reason: 'Deferred', agreedWith: 'The authorised officer' });
    clock.at = new Date('2026-04-04T10:00:00Z');
    await app.transition.execute(meta(), caseId, { to: 'rejected', reason: 'Outside the service’s scope' });
    expect((await pauses(caseId)).map((p) => [p.id, p.resumedAt])).toEqual([[pause.id, new Date('2026-04-04T10:00:00Z')]]);
    expect(await outbox('casework.case.resumed.v1', caseId)).toHaveLength(1);
  });

  it('another provider can neither pause the case nor see its pauses', async () => {
    const caseId = await openCase();
    clock.at = new Date('2026-04-02T10:00:00Z');
    await app.pause.execute(meta(), caseId, { reason: 'Deferred', agreedWith: 'The authorised officer' });
    expect(await problemOf(app.pause.execute(meta(providerB), caseId, { reason: 'Intruder', agreedWith: 'Nobody' }))).toMatchObject({ status: 404 });
    expect(await problemOf(app.resume.execute(meta(providerB), caseId, {}))).toMatchObject({ status: 404 });
    // The second wall: under provider B's tenant setting, the row does not exist.
    expect(await casework.run((tx) => tx.casePause.count({ where: { caseId } }), { organisationId: providerB })).toBe(0);
    // And with no tenant set at all, nothing shows.
    expect(await casework.casePause.count({ where: { caseId } })).toBe(0);
  });
});
