import { JobsService, QUEUES } from '@mediation/jobs';
import { ContractDefinitionSchema, uuidv7 } from '@mediation/protocol';
import { FixedClock, startServiceContext, type ServiceContext } from '@mediation/testing';
import { AppModule } from '../app.module';
import { loadBillingConfig } from '../config/billing.config';
import { BillingTestKit } from '../testing/billing-test-kit';
import { blockContract, housingContract } from '../testing/seed-contracts';
import { DeclareInvoiceSchedulesUseCase } from './declare-invoice-schedules.use-case';
import { InvoiceScheduleHandler, invoiceSchedulerId } from './invoice-schedule.handler';
import { InvoiceScheduleProcessor } from './invoice-schedule.processor';

jest.setTimeout(180_000);

describe('invoices drafted on a schedule per contract and billing period, against real PostgreSQL and Redis', () => {
  let service: ServiceContext;
  let kit: BillingTestKit;
  const clock = new FixedClock(new Date('2026-06-15T09:00:00Z'));
  const organisationId = uuidv7();
  const invoices = (contractId: string) =>
    service.sql
      .query<{ period_from: Date; net_pence: number; status: string }>(
        `SELECT period_from, net_pence, status FROM billing.invoice WHERE contract_id = $1 ORDER BY period_from`,
        [contractId],
      )
      .then((r) => r.rows.map((row) => [row.period_from.toISOString().slice(0, 10), row.net_pence, row.status]));
  const runJob = (contractId: string) => service.app.get(InvoiceScheduleProcessor).run({ organisationId, contractId });

  beforeAll(async () => {
    service = await startServiceContext({ database: 'billing_schedule', namespace: 'bs', clock, module: () => AppModule.register(loadBillingConfig()) });
    kit = new BillingTestKit(service.app, organisationId);
  });
  afterAll(() => service?.close());

  it('publishing a priced contract declares its BullMQ job scheduler: 06:30 London on the first day of each quarter of its year', async () => {
    const contractId = uuidv7();
    const definition = ContractDefinitionSchema.parse(blockContract());
    const pending: (() => Promise<unknown>)[] = [];
    const event = { ...kit.envelope({ contractId, version: 1, status: 'active', template: 'oocr', definition }, contractId) };
    await kit.tx((tx) => service.app.get(InvoiceScheduleHandler).handle(event as never, tx, { afterCommit: (action) => void pending.push(action) }));
    for (const action of pending) await action();
    const scheduler = await service.app.get(JobsService).queue(QUEUES.invoices).getJobScheduler(invoiceSchedulerId(contractId));
    expect(scheduler).toMatchObject({ pattern: '30 6 1 1,4,7,10 *', tz: 'Europe/London' });
    expect(scheduler?.template?.data).toEqual({ organisationId, contractId });
  });

  it('a scheduler Redis lost comes back when billing declares them again, as it does at boot, from its contract book', async () => {
    const contractId = await kit.publish(blockContract());
    const queue = service.app.get(JobsService).queue(QUEUES.invoices);
    await queue.removeJobScheduler(invoiceSchedulerId(contractId));
    expect(await service.app.get(DeclareInvoiceSchedulesUseCase).execute()).toBeGreaterThanOrEqual(1);
    expect(await queue.getJobScheduler(invoiceSchedulerId(contractId))).toMatchObject({ pattern: '30 6 1 1,4,7,10 *', tz: 'Europe/London' });
  });

  it('as the clock reaches each quarter’s first day, the job drafts the quarter just ended, once', async () => {
    const contractId = await kit.publish(housingContract());
    for (const day of ['2026-04-02', '2026-04-20', '2026-05-10', '2026-06-01', '2026-08-03', '2026-09-09'])
      await kit.openCase(contractId, 'housing-asb', `${day}T10:00:00Z`);
    // Mid-June: the quarter before is March, before the contract began: nothing.
    await runJob(contractId);
    expect(await invoices(contractId)).toEqual([]);
    // 1 July 06:30 London (BST): April to June. By hand: £22,500 instalment + case 4 at £1,350 = £23,850.
    clock.at = new Date('2026-07-01T05:30:00Z');
    await runJob(contractId);
    await runJob(contractId);
    expect(await invoices(contractId)).toEqual([['2026-04-01', 2_385_000, 'draft']]);
    // 1 October: July to September. By hand: £22,500 + cases 5 and 6 at £1,350 = £25,200.
    clock.at = new Date('2026-10-01T05:30:00Z');
    await runJob(contractId);
    expect(await invoices(contractId)).toEqual([
      ['2026-04-01', 2_385_000, 'draft'],
      ['2026-07-01', 2_520_000, 'draft'],
    ]);
  });
});
