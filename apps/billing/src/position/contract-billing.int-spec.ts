import { uuidv7, type RpcMeta } from '@mediation/protocol';
import { FixedClock, problemOf, startServiceContext, type ServiceContext } from '@mediation/testing';
import { AppModule } from '../app.module';
import { loadBillingConfig } from '../config/billing.config';
import { BillingTestKit } from '../testing/billing-test-kit';
import { housingContract, sendContract } from '../testing/seed-contracts';
import { GetContractBillingUseCase } from './get-contract-billing.use-case';

jest.setTimeout(180_000);

describe('a contract’s billing position: spend this year against its budget or cap, and a forecast', () => {
  let service: ServiceContext;
  let kit: BillingTestKit;
  // 30 June 2026 in London: day 91 of the contract year from 1 April (30 + 31 + 30).
  const clock = new FixedClock(new Date('2026-06-30T12:00:00Z'));
  const organisationId = uuidv7();
  const finance: RpcMeta = { organisationId, actorId: 'user:finance', actorType: 'user', correlationId: 'int-position' };
  const position = (contractId: string, growthPercent?: number, meta = finance) =>
    service.app.get(GetContractBillingUseCase).execute(meta, { contractId, growthPercent });

  beforeAll(async () => {
    service = await startServiceContext({ database: 'billing_position', namespace: 'bp', clock, module: () => AppModule.register(loadBillingConfig()) });
    kit = new BillingTestKit(service.app, organisationId);
  });
  afterAll(() => service?.close());

  it('SEND: each held session counts against the £250,000 budget, with a forecast from the run rate and a growth assumption', async () => {
    const contractId = await kit.publish(sendContract());
    const { caseId } = await kit.openCase(contractId, 'send-mediation', '2026-04-01T09:00:00Z');
    // One £480 session a day from 1 April to 30 June: 91 sessions, £43,680.
    for (let day = 0; day < 91; day += 1)
      await kit.sessionHeld(contractId, caseId, new Date(Date.parse('2026-04-01T10:00:00Z') + day * 86_400_000).toISOString());
    const flat = await position(contractId);
    expect(flat).toMatchObject({
      contractYear: { from: '2026-04-01', to: '2027-04-01' },
      spentThisYearPence: 4_368_000,
      limit: { kind: 'annual-budget', pence: 25_000_000, spentPence: 4_368_000, usedPercent: 17.5, remainingPence: 20_632_000, minimumPence: null },
      cases: null,
      // By hand: £480 a day over the 274 days left is £131,520; with the £43,680 spent, £175,200 by 31 March.
      forecast: { runRatePencePerDay: 48_000, yearEndPence: 17_520_000, daysElapsed: 91, daysInYear: 365 },
      thresholdsCrossed: [],
    });
    // Volumes growing by half again (seed 004 saw 111 become 330 a year): £43,680 + £197,280 = £240,960.
    expect((await position(contractId, 50)).forecast.yearEndPence).toBe(24_096_000);
  });

  it('housing: cases used of N and the overage charged above them', async () => {
    const contractId = await kit.publish(housingContract());
    for (const day of ['2026-04-02', '2026-04-20', '2026-05-10', '2026-06-01', '2026-06-20']) await kit.openCase(contractId, 'housing-asb', `${day}T10:00:00Z`);
    expect(await position(contractId)).toMatchObject({ cases: { used: 5, included: 3 }, overagePence: 270_000, spentThisYearPence: 270_000, limit: null });
  });

  it('a commissioner not linked to the contract gets a 404', async () => {
    const contractId = await kit.publish(sendContract());
    expect((await problemOf(position(contractId, 0, { ...finance, restrictToContracts: [] }))).status).toBe(404);
  });
});
