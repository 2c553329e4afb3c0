import { uuidv7, type RpcMeta } from '@mediation/protocol';
import { createTestDatabase, FixedClock, type TestDatabase } from '@mediation/testing';
import { CaseworkDatabase } from '../database/casework.database';
import { caseworkHarness } from '../testing/casework-harness';
import { contractPublishedEvent, noiseReferralEvent } from '../testing/case-events';

jest.setTimeout(90_000);

const provider = '01a40000-0000-7000-8000-0000000000e1';
const housing = '01a40000-0000-7000-8000-0000000000e2';
const family = '01a40000-0000-7000-8000-0000000000e3';
const mediator = '01a40000-0000-7000-8000-0000000000e4';
const as = (restrictToContracts?: string[]): RpcMeta => ({
  organisationId: provider,
  actorId: 'user-cm',
  actorType: 'user',
  correlationId: uuidv7(),
  ...(restrictToContracts ? { restrictToContracts } : {}),
});

const noiseLine = {
  key: 'noise',
  name: 'Noise',
  form: { fields: [] },
  outcomes: [{ key: 'resolved', label: 'Resolved', expected: true }],
  londonLivingWage: { required: false },
  dataRetentionMonths: 72,
};

describe('tasks across the provider’s cases: a work queue of what is overdue', () => {
  let db: TestDatabase;
  let casework: CaseworkDatabase;
  const clock = new FixedClock(new Date('2026-12-09T10:00:00Z')); // Wednesday 9 December 2026
  let app: ReturnType<typeof caseworkHarness>;
  const caseOf: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase('providertasks');
    casework = new CaseworkDatabase(db.url);
    app = caseworkHarness(casework, clock);
    for (const [contractId, reference] of [
      [housing, 'REF-2026-000201'],
      [family, 'REF-2026-000202'],
    ]) {
      await casework.run((tx) => app.recordContract.execute(tx, contractPublishedEvent(provider, contractId, [noiseLine])), { organisationId: provider });
      await casework.run((tx) => app.openCase.execute(tx, noiseReferralEvent(provider, contractId, reference)), { organisationId: provider });
    }
    for (const c of (await app.listCases.execute(as(), { limit: 50 })).items) caseOf[c.contractId] = c.id;
  });

  afterAll(async () => {
    await casework?.$disconnect();
    await db?.drop();
  });

  it('lists open tasks due on a day before today, earliest first with the case reference; today’s, done ones and another provider’s are not overdue for it', async () => {
    const yesterday = await app.addTask.execute(as(), caseOf[housing], { title: 'Call the housing officer', dueOn: '2026-12-08' });
    await app.addTask.execute(as(), caseOf[housing], { title: 'Send the agreement', dueOn: '2026-12-09' });
    const lastWeek = await app.addTask.execute(as(), caseOf[family], { title: 'Write to both parents', dueOn: '2026-12-01', assigneeStaffId: mediator });
    const done = await app.addTask.execute(as(), caseOf[family], { title: 'Book an interpreter', dueOn: '2026-12-02' });
    await app.completeTask.execute(as(), caseOf[family], done.id);

    const overdue = await app.listProviderTasks.execute(as(), { status: 'overdue' });
    expect(overdue.items.map((t) => [t.title, t.caseReference, t.overdue])).toEqual([
      ['Write to both parents', 'REF-2026-000202', true],
      ['Call the housing officer', 'REF-2026-000201', true],
    ]);
    expect((await app.listProviderTasks.execute(as(), { status: 'overdue', assigneeStaffId: mediator })).items.map((t) => t.id)).toEqual([lastWeek.id]);
    expect((await app.listProviderTasks.execute(as(), { status: 'open' })).items.map((t) => t.title)).toEqual([
      'Write to both parents',
      'Call the housing officer',
      'Send the agreement',
    ]);
    expect((await app.listProviderTasks.execute(as([housing]), { status: 'overdue' })).items.map((t) => t.id)).toEqual([yesterday.id]);
    expect((await app.listProviderTasks.execute({ ...as(), organisationId: uuidv7() }, { status: 'overdue' })).items).toEqual([]);
  });
});
