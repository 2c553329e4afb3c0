import { uuidv7, type EventEnvelope, type RpcMeta } from '@mediation/protocol';
import { createTestDatabase, FixedClock, type TestDatabase } from '@mediation/testing';
import { ReportingDatabase } from '../database/reporting.database';
import { ContractCountsRepository } from './contract-counts.repository';
import { CountEventUseCase } from './count-event.use-case';
import { CaseOpenedCounter, DeadlineBreachCorrectedCounter, DeadlineBreachedCounter, DeadlineMetCounter, MilestoneCounter } from './count.handlers';
import { GetSummaryUseCase } from './get-summary.use-case';

jest.setTimeout(60_000);

const org = uuidv7();
const contractId = uuidv7();
const meta: RpcMeta = { organisationId: org, actorId: 'tester', actorType: 'user', correlationId: 'c' };
const event = <T extends object>(data: T): EventEnvelope<T> => ({
  specversion: '1.0',
  id: uuidv7(),
  source: '/test',
  type: 'x',
  subject: uuidv7(),
  time: new Date().toISOString(),
  datacontenttype: 'application/json',
  data,
  organisationid: org,
  contractid: contractId,
  sequence: 1,
  correlationid: 'c',
});

describe('reporting follows corrections and counts milestones', () => {
  let db: TestDatabase;
  let reporting: ReportingDatabase;
  let count: CountEventUseCase;
  let summary: GetSummaryUseCase;
  const counts = async (range: { from?: string; to?: string } = {}) => (await summary.execute(meta, range)).contracts.find((c) => c.contractId === contractId)!;

  beforeAll(async () => {
    db = await createTestDatabase('reportcount');
    reporting = new ReportingDatabase(db.url);
    const repository = new ContractCountsRepository();
    count = new CountEventUseCase(repository);
    summary = new GetSummaryUseCase(reporting, repository, new FixedClock(new Date('2027-02-10T12:00:00Z')));
    await reporting.run((tx) => new CaseOpenedCounter(count).handle(event({ contractId, openedAt: '2027-01-02T10:00:00.000Z' }) as never, tx), {
      organisationId: org,
    });
  });

  afterAll(async () => {
    await reporting?.$disconnect();
    await db?.drop();
  });

  it('a breach taken back (a decline recorded late, made before the 30-day date) no longer counts as breached; the met-on-time count follows the met event', async () => {
    const deadline = { deadlineId: uuidv7(), caseId: uuidv7(), rule: 'mediation-within-30-days', dueAt: '2027-01-18T23:59:59.999Z' };
    await reporting.run((tx) => new DeadlineBreachedCounter(count).handle(event({ ...deadline, breachedAt: '2027-01-19T00:00:01.000Z' }), tx), {
      organisationId: org,
    });
    expect(await counts()).toMatchObject({ deadlinesBreached: 1 });
    await reporting.run(
      (tx) =>
        new DeadlineBreachCorrectedCounter(count).handle(
          event({ ...deadline, breachedAt: '2027-01-19T00:00:01.000Z', now: 'cancelled', occurredAt: '2027-01-10T10:00:00.000Z' }),
          tx,
        ),
      { organisationId: org },
    );
    expect(await counts()).toMatchObject({ deadlinesBreached: 0, deadlinesMet: 0 });
    // Taken off the day it was counted on, so January adds up too.
    expect(await counts({ from: '2027-01-01', to: '2027-01-31' })).toMatchObject({ deadlinesBreached: 0 });
    await reporting.run((tx) => new DeadlineMetCounter(count).handle(event({ ...deadline, metAt: '2027-01-10T10:00:00.000Z', late: false }), tx), {
      organisationId: org,
    });
    expect(await counts()).toMatchObject({ deadlinesBreached: 0, deadlinesMet: 1, deadlinesMetLate: 0 });
  });

  it('pre-CMH workshops delivered and data returns received are counted per contract, for the count KPIs', async () => {
    const milestone = (name: string) =>
      reporting.run(
        (tx) =>
          new MilestoneCounter(count).handle(
            event({
              caseId: uuidv7(),
              contractId,
              milestone: name,
              occurredAt: '2027-02-01T10:00:00.000Z',
              recordedAt: '2027-02-01T10:00:00.000Z',
              source: 'manual:x',
            }),
            tx,
          ),
        { organisationId: org },
      );
    await milestone('workshop.delivered');
    await milestone('workshop.delivered');
    await milestone('data-return.received');
    expect((await counts()).milestones).toEqual({ 'data-return.received': 1, 'workshop.delivered': 2 });
    // Each on the London day it happened: February has them, January none.
    expect((await counts({ from: '2027-02-01', to: '2027-02-28' })).milestones).toEqual({ 'data-return.received': 1, 'workshop.delivered': 2 });
    expect((await counts({ from: '2027-01-01', to: '2027-01-31' })).milestones).toEqual({});
  });

  it('another organisation reads none of them', async () => {
    const other = await new GetSummaryUseCase(reporting, new ContractCountsRepository(), new FixedClock(new Date())).execute(
      { ...meta, organisationId: uuidv7() },
      {},
    );
    expect(other.contracts).toEqual([]);
  });
});
