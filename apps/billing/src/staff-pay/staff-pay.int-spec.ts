import { uuidv7, type RpcMeta } from '@mediation/protocol';
import { problemOf, startServiceContext, type ServiceContext } from '@mediation/testing';
import { AppModule } from '../app.module';
import { loadBillingConfig } from '../config/billing.config';
import { BillingTestKit } from '../testing/billing-test-kit';
import { sendContract } from '../testing/seed-contracts';
import { ReadStatementsUseCase } from './read-statements.use-case';

jest.setTimeout(180_000);

describe('what the provider pays its sessional mediators, from the sessions they worked, against real PostgreSQL', () => {
  let service: ServiceContext;
  let kit: BillingTestKit;
  const organisationId = uuidv7();
  const finance: RpcMeta = { organisationId, actorId: 'user:finance', actorType: 'user', correlationId: 'int-staff-pay' };
  const statements = () => service.app.get(ReadStatementsUseCase);
  const ada = { staffId: uuidv7(), name: 'Ada Mediator', payRatePence: 1_480, sessionFeePence: 3_000 };
  const ben = { staffId: uuidv7(), name: 'Ben Hourly', payRatePence: 1_600, sessionFeePence: null };

  beforeAll(async () => {
    service = await startServiceContext({ database: 'billing_staff_pay', namespace: 'bsp', module: () => AppModule.register(loadBillingConfig()) });
    kit = new BillingTestKit(service.app, organisationId);
  });
  afterAll(() => service?.close());

  it('one fee per mediator per session held; a redelivered session gives no second fee; the month’s statement is checked against the London Living Wage', async () => {
    const contractId = await kit.publish(sendContract());
    const caseId = uuidv7();
    // Ada (£30 a session) and Ben (£16/h) co-mediate a 3-hour session on 10 June 2026; Ada alone a 2-hour one on 24 June.
    const first = await kit.staffWorked(contractId, { caseId, startsAt: '2026-06-10T09:00:00Z', endsAt: '2026-06-10T12:00:00Z' }, [ada, ben]);
    await kit.staffWorked(contractId, { caseId, startsAt: '2026-06-10T09:00:00Z', endsAt: '2026-06-10T12:00:00Z', sessionId: first }, [ada, ben]);
    await kit.staffWorked(contractId, { caseId, startsAt: '2026-06-24T13:00:00Z', endsAt: '2026-06-24T15:00:00Z' }, [ada]);
    // 23:30 UTC on 30 June is 00:30 on 1 July in London: July's statement.
    await kit.staffWorked(contractId, { caseId, startsAt: '2026-06-30T23:30:00Z', endsAt: '2026-07-01T01:30:00Z' }, [ada]);

    const june = await statements().get(finance, ada.staffId, '2026-06');
    // By hand: 2 sessions × £30 = £60 for 5 hours = £12.00/h; 5 × £14.80 = £74.00, short by £14.00.
    expect(june).toMatchObject({
      name: 'Ada Mediator',
      sessions: 2,
      minutesWorked: 300,
      hoursWorked: 5,
      feesPence: 6_000,
      effectiveHourlyRatePence: 1_200,
      meetsLondonLivingWage: false,
      shortfallPence: 1_400,
      londonLivingWage: { ratePence: 1_480, payableFrom: '2026-05-01' },
    });
    expect(june.lines.map((l) => [l.sessionId === first, l.basis, l.minutes, l.feePence])).toEqual([
      [true, 'per-session', 180, 3_000],
      [false, 'per-session', 120, 3_000],
    ]);
    // Ben: 3 hours at £16 = £48.00, £16.00/h, meets it.
    expect(await statements().get(finance, ben.staffId, '2026-06')).toMatchObject({
      sessions: 1,
      feesPence: 4_800,
      meetsLondonLivingWage: true,
      shortfallPence: 0,
    });

    expect((await statements().list(finance, ada.staffId)).items.map((s) => [s.period, s.sessions, s.feesPence])).toEqual([
      ['2026-07', 1, 3_000],
      ['2026-06', 2, 6_000],
    ]);

    const payroll = await statements().payroll(finance, '2026-06');
    expect(payroll).toMatchObject({ period: '2026-06', totalFeesPence: 10_800, belowLondonLivingWage: 1 });
    expect(payroll.items.map((s) => [s.name, s.feesPence, s.meetsLondonLivingWage])).toEqual([
      ['Ada Mediator', 6_000, false],
      ['Ben Hourly', 4_800, true],
    ]);
    const csv = Buffer.from((await statements().payrollFile(finance, '2026-06')).base64, 'base64').toString('utf8');
    expect(csv.split('\r\n')).toEqual([
      'period,staff_id,name,sessions,hours,fees_gbp,effective_hourly_gbp,london_living_wage_gbp,meets_london_living_wage,shortfall_gbp',
      `2026-06,${ada.staffId},Ada Mediator,2,5.00,60.00,12.00,14.80,no,14.00`,
      `2026-06,${ben.staffId},Ben Hourly,1,3.00,48.00,16.00,14.80,yes,0.00`,
      '',
    ]);
  });

  it('fees are append-only, and a month with no session worked has no statement (404)', async () => {
    await expect(kit.tx((tx) => tx.staffFee.updateMany({ where: { staffId: ada.staffId }, data: { feePence: 1 } }))).rejects.toThrow(/never edited/);
    expect(await problemOf(statements().get(finance, ada.staffId, '2026-01'))).toMatchObject({ status: 404 });
  });
});
