import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { INestApplicationContext } from '@nestjs/common';
import { ContractDefinitionSchema, ContractPublishedV2, PROBLEM_TYPES, Rpc, uuidv7, type ContractDefinitionInput, type RpcMeta } from '@mediation/protocol';
import { FixedClock, problemOf, startServiceContext, waitUntil, type ServiceContext } from '@mediation/testing';
import type { Client } from 'pg';
import { AppModule } from '../app.module';
import { loadSchedulingConfig } from '../config/scheduling.config';
import { AddLocalAuthorityUseCase } from './add-local-authority.use-case';
import { ListDataReturnsUseCase } from './list-data-returns.use-case';
import { ListLocalAuthoritiesUseCase } from './list-local-authorities.use-case';
import { RecordDataReturnUseCase } from './record-data-return.use-case';
import { SetDataReturnRuleUseCase } from './set-data-return-rule.use-case';
import { SweepDataReturnsUseCase } from './sweep-data-returns.use-case';

jest.setTimeout(120_000);

const org = uuidv7();
const contractId = uuidv7();
const definition: ContractDefinitionInput = {
  reference: 'INT-LA',
  title: 'Pre-CMH pilot',
  buyers: [{ name: 'Department for Education', role: 'dfe' }],
  serviceLines: [
    {
      key: 'pre-cmh',
      name: 'Pre-CMH pilot',
      form: { fields: [] },
      sessionTypes: [{ key: 'workshop', label: 'Workshop', mode: 'either', heldMilestone: 'workshop.delivered' }],
      outcomes: [{ key: 'held', label: 'Held', expected: true }],
      londonLivingWage: { required: false },
      dataRetentionMonths: 12,
    },
  ],
};

describe('local authorities and their monthly data returns (seed 002), against real PostgreSQL and NATS', () => {
  let service: ServiceContext;
  let app: INestApplicationContext;
  let nc: NatsConnection;
  let sql: Client;
  // Monday 2 November 2026, 10:00 London.
  const clock = new FixedClock(new Date('2026-11-02T10:00:00Z'));
  const meta: RpcMeta = { organisationId: org, actorId: 'user:programme-lead', actorType: 'user', correlationId: 'int-data-returns' };
  const outbox = async (type: string) =>
    (await sql.query(`SELECT envelope FROM scheduling.outbox WHERE envelope->>'type' = $1 ORDER BY position`, [type])).rows.map((r) => r.envelope.data);

  beforeAll(async () => {
    service = await startServiceContext({ database: 'data_returns', namespace: 'dr', module: () => AppModule.register(loadSchedulingConfig()), clock });
    ({ app, sql } = service);
    nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    for (const rpc of [Rpc.intake.getContract, Rpc.intake.getContractVersion]) {
      nc.subscribe(service.ns.names.rpc(rpc.subject), {
        queue: 'intake',
        callback: (_error, msg) => void msg.respond(JSON.stringify({ ok: false, problem: { type: PROBLEM_TYPES.notFound, title: 'Not found', status: 404 } })),
      });
    }
    const id = uuidv7();
    const envelope = {
      specversion: '1.0',
      id,
      source: '/services/test',
      type: ContractPublishedV2.type,
      subject: contractId,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data: { contractId, version: 1, status: 'active', template: null, definition: ContractDefinitionSchema.parse(definition) },
      organisationid: org,
      contractid: contractId,
      sequence: 1,
      correlationid: `int-${id}`,
    };
    await jetstream(nc).publish(service.ns.names.event(org, ContractPublishedV2.type), JSON.stringify(envelope), { msgID: id });
    await waitUntil(
      async () => ((await sql.query(`SELECT 1 FROM scheduling.contract_version WHERE contract_id = $1`, [contractId])).rowCount ? true : undefined),
      {
        what: 'the contract projection',
      },
    );
  });

  afterAll(async () => {
    await nc?.close();
    await service?.close();
  });

  const kent = { name: 'Kent County Council', onboardedOn: '2026-10-12', contact: { name: 'Sam Data', email: 'Sam.Data@kent.example' } };

  it('a local authority is data on the contract: onboarded when, its contact; published as onboarded; once per contract', async () => {
    const added = await app.get(AddLocalAuthorityUseCase).execute(meta, contractId, kent);
    expect(added).toMatchObject({
      key: 'kent-county-council',
      name: 'Kent County Council',
      onboardedOn: '2026-10-12',
      contact: { email: 'sam.data@kent.example' },
    });
    expect(await outbox('scheduling.local-authority.onboarded.v1')).toEqual([
      { localAuthorityId: added.id, contractId, authorityKey: 'kent-county-council', name: 'Kent County Council', onboardedOn: '2026-10-12' },
    ]);
    expect(await problemOf(app.get(AddLocalAuthorityUseCase).execute(meta, contractId, { ...kent, name: 'KENT county council ' }))).toMatchObject({
      status: 409,
    });
    expect(await problemOf(app.get(AddLocalAuthorityUseCase).execute(meta, contractId, { ...kent, name: 'Medway', onboardedOn: '2026-11-03' }))).toMatchObject({
      status: 400,
      errors: [{ field: 'onboardedOn' }],
    });
    expect(await problemOf(app.get(AddLocalAuthorityUseCase).execute(meta, uuidv7(), kent))).toMatchObject({ status: 404 });
    const list = await app.get(ListLocalAuthoritiesUseCase).execute(meta, contractId);
    expect(list).toMatchObject({ dataReturnRule: { dueWorkingDays: 10, reminderWorkingDaysBefore: 3 }, items: [{ id: added.id }] });
  });

  it('a data return due and not received shows as missing and triggers its reminder; one received is never reminded of; neither goes twice', async () => {
    const medway = await app
      .get(AddLocalAuthorityUseCase)
      .execute(meta, contractId, { name: 'Medway Council', onboardedOn: '2026-10-01', contact: { name: 'Ali Returns', email: 'ali@medway.example' } });
    const kentId = (await app.get(ListLocalAuthoritiesUseCase).execute(meta, contractId)).items.find((a) => a.key === 'kent-county-council')!.id;
    const returns = async (id: string) => (await app.get(ListDataReturnsUseCase).execute(meta, contractId, id)).items;
    const sweep = () => app.get(SweepDataReturnsUseCase).execute();

    // October's returns are due on the 10th working day of November (Friday 13th), reminded 3 working days before (Tuesday 10th).
    expect(await returns(medway.id)).toEqual([
      { localAuthorityId: medway.id, period: '2026-10', dueOn: '2026-11-13', state: 'awaited', receivedOn: null, remindedAt: null, missingNoticeAt: null },
    ]);
    expect(await sweep()).toEqual({ reminded: 0, missing: 0 });

    // Kent sends October's in on time; Medway does not.
    const kentOctober = await app.get(RecordDataReturnUseCase).execute(meta, contractId, kentId, { period: '2026-10', receivedOn: '2026-11-02' });
    expect(kentOctober).toMatchObject({ period: '2026-10', state: 'received', dueOn: '2026-11-13' });
    expect(await problemOf(app.get(RecordDataReturnUseCase).execute(meta, contractId, kentId, { period: '2026-10', receivedOn: '2026-11-02' }))).toMatchObject({
      status: 409,
    });
    expect(await problemOf(app.get(RecordDataReturnUseCase).execute(meta, contractId, kentId, { period: '2026-09', receivedOn: '2026-11-02' }))).toMatchObject({
      status: 400,
      errors: [{ field: 'period' }],
    });

    clock.at = new Date('2026-11-10T08:00:00Z'); // the reminder day, 08:00 London
    expect(await sweep()).toEqual({ reminded: 1, missing: 0 });
    expect(await sweep()).toEqual({ reminded: 0, missing: 0 });
    expect(await outbox('scheduling.data-return.reminder-due.v1')).toEqual([
      {
        localAuthorityId: medway.id,
        contractId,
        authorityKey: 'medway-council',
        name: 'Medway Council',
        period: '2026-10',
        dueOn: '2026-11-13',
        contact: { name: 'Ali Returns', email: 'ali@medway.example' },
      },
    ]);

    clock.at = new Date('2026-11-16T08:00:00Z'); // Monday after the due day
    expect(await sweep()).toEqual({ reminded: 0, missing: 1 });
    expect(await sweep()).toEqual({ reminded: 0, missing: 0 });
    expect(await returns(medway.id)).toEqual([
      {
        localAuthorityId: medway.id,
        period: '2026-10',
        dueOn: '2026-11-13',
        state: 'missing',
        receivedOn: null,
        remindedAt: '2026-11-10T08:00:00.000Z',
        missingNoticeAt: '2026-11-16T08:00:00.000Z',
      },
    ]);
    expect(await outbox('scheduling.data-return.missing.v1')).toEqual([
      expect.objectContaining({
        localAuthorityId: medway.id,
        period: '2026-10',
        dueOn: '2026-11-13',
        contact: { name: 'Ali Returns', email: 'ali@medway.example' },
      }),
    ]);
    expect((await returns(kentId))[0]).toMatchObject({ state: 'received', remindedAt: null, missingNoticeAt: null });

    // Received after all, late: the event says so.
    const late = await app.get(RecordDataReturnUseCase).execute(meta, contractId, medway.id, { period: '2026-10', receivedOn: '2026-11-16' });
    expect(late).toMatchObject({ state: 'late', receivedOn: '2026-11-16' });
    expect((await outbox('scheduling.data-return.received.v1')).map((r) => [r.authorityKey, r.period, r.late])).toEqual([
      ['kent-county-council', '2026-10', false],
      ['medway-council', '2026-10', true],
    ]);
  });

  it('a contract sets its own due-date rule; a month due before the authority was added is reported missing without chasing anyone', async () => {
    clock.at = new Date('2026-11-16T09:00:00Z');
    await app.get(SetDataReturnRuleUseCase).execute(meta, contractId, { dueWorkingDays: 5, reminderWorkingDaysBefore: 2 });
    const surrey = await app
      .get(AddLocalAuthorityUseCase)
      .execute(meta, contractId, { name: 'Surrey County Council', onboardedOn: '2026-09-01', contact: { name: 'Jo', email: 'jo@surrey.example' } });
    expect((await app.get(ListDataReturnsUseCase).execute(meta, contractId, surrey.id)).items.map((r) => [r.period, r.dueOn, r.state])).toEqual([
      ['2026-10', '2026-11-06', 'missing'],
      ['2026-09', '2026-10-07', 'missing'],
    ]);
    await app.get(SweepDataReturnsUseCase).execute();
    const missing = (await outbox('scheduling.data-return.missing.v1')).filter((m) => m.localAuthorityId === surrey.id);
    expect(missing.map((m) => [m.period, m.contact])).toEqual([
      ['2026-09', null],
      ['2026-10', null],
    ]);
  });
});
