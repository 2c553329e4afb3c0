import type { INestApplicationContext } from '@nestjs/common';
import { uuidv7, type EventEnvelope, type RpcMeta } from '@mediation/protocol';
import { startServiceContext, type ServiceContext } from '@mediation/testing';
import { AppModule } from '../app.module';
import { loadReportingConfig } from '../config/reporting.config';
import { ReportingDatabase } from '../database/reporting.database';
import { CaseClosedCounter, CaseOpenedCounter, ReferralReceivedCounter } from './count.handlers';
import { GetSummaryUseCase } from './get-summary.use-case';

jest.setTimeout(120_000);

describe('the summary by contract and London day, against real PostgreSQL', () => {
  let service: ServiceContext;
  let app: INestApplicationContext;
  const organisationId = uuidv7();
  const meta: RpcMeta = { organisationId, actorId: 'user:commissioner', actorType: 'user', correlationId: 'int-summary' };
  const asbContract = uuidv7();
  const sendContract = uuidv7();
  const envelope = <T extends object>(contractId: string, data: T) =>
    ({
      id: uuidv7(),
      organisationid: organisationId,
      contractid: contractId,
      correlationid: 'int',
      data: { contractId, ...data },
    }) as unknown as EventEnvelope<never>;
  const fold = (work: (db: ReportingDatabase) => Promise<unknown>) => work(app.get(ReportingDatabase));
  const summary = (query: Parameters<GetSummaryUseCase['execute']>[1], who: RpcMeta = meta) => app.get(GetSummaryUseCase).execute(who, query);
  const received = (contractId: string, receivedAt: string) =>
    fold((db) => db.run((tx) => app.get(ReferralReceivedCounter).handle(envelope(contractId, { receivedAt }), tx), { organisationId }));

  beforeAll(async () => {
    service = await startServiceContext({ database: 'reporting_summary', namespace: 'rs', module: () => AppModule.register(loadReportingConfig()) });
    ({ app } = service);
    // October: two ASB referrals (one at 23:30 UTC on 31 October, which is 31 October in London: GMT) and one SEND.
    await received(asbContract, '2026-10-05T10:00:00Z');
    await received(asbContract, '2026-10-31T23:30:00Z');
    await received(sendContract, '2026-10-20T09:00:00Z');
    // 30 September 23:30 UTC is 1 October 00:30 in London (BST): it counts in October.
    await received(asbContract, '2026-09-30T23:30:00Z');
    // November: one more ASB referral, a case opened and closed with its outcome.
    await received(asbContract, '2026-11-02T10:00:00Z');
    await fold((db) => db.run((tx) => app.get(CaseOpenedCounter).handle(envelope(asbContract, { openedAt: '2026-11-02T10:05:00Z' }), tx), { organisationId }));
    await fold((db) =>
      db.run(
        (tx) =>
          app
            .get(CaseClosedCounter)
            .handle(envelope(asbContract, { closedAt: '2026-11-20T15:00:00Z', outcome: 'good-neighbour-agreement', outcomeExpected: true }), tx),
        { organisationId },
      ),
    );
  });

  afterAll(() => service?.close());

  it('with no dates, counts everything per contract, as before', async () => {
    const all = await summary({});
    expect(all).toMatchObject({ from: null, to: null });
    expect(all.contracts.find((c) => c.contractId === asbContract)).toMatchObject({
      referralsReceived: 4,
      casesOpened: 1,
      casesClosed: 1,
      casesOpen: 0,
      outcomes: { 'good-neighbour-agreement': 1 },
    });
  });

  it('from and to count what happened on those London days, both included', async () => {
    const october = await summary({ from: '2026-10-01', to: '2026-10-31' });
    expect(october).toMatchObject({ from: '2026-10-01', to: '2026-10-31' });
    expect(october.contracts.map((c) => [c.contractId, c.referralsReceived, c.casesClosed])).toEqual(
      [
        [asbContract, 3, 0],
        [sendContract, 1, 0],
      ].sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
    const november = await summary({ from: '2026-11-01' });
    expect(november.contracts).toEqual([
      expect.objectContaining({
        contractId: asbContract,
        referralsReceived: 1,
        casesOpened: 1,
        casesClosed: 1,
        casesClosedExpected: 1,
        outcomes: { 'good-neighbour-agreement': 1 },
      }),
    ]);
  });

  it('contractId keeps one contract, with or without dates', async () => {
    expect((await summary({ contractId: sendContract })).contracts.map((c) => c.contractId)).toEqual([sendContract]);
    expect((await summary({ contractId: sendContract, to: '2026-10-19' })).contracts).toEqual([]);
  });

  it('a commissioner linked to one contract sees only that one, whatever is asked', async () => {
    const commissioner = { ...meta, restrictToContracts: [sendContract] };
    expect((await summary({ contractId: asbContract }, commissioner)).contracts).toEqual([]);
    expect((await summary({ from: '2026-10-01' }, commissioner)).contracts.map((c) => c.contractId)).toEqual([sendContract]);
  });

  it('the day counts sit behind the tenant wall: another organisation reads none of them', async () => {
    const other = { ...meta, organisationId: uuidv7() };
    expect((await summary({ from: '2026-01-01' }, other)).contracts).toEqual([]);
    const rows = await app.get(ReportingDatabase).run((tx) => tx.dailyCounts.findMany(), { organisationId: other.organisationId });
    expect(rows).toEqual([]);
  });
});
