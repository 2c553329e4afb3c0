import { jetstream } from '@nats-io/jetstream';
import type { Subscription } from '@nats-io/transport-node';
import type { DiscoveryService } from '@nestjs/core';
import { EventConsumerHost, NatsConnectionService, RpcClient, type MessagingOptions } from '@mediation/messaging';
import { MetricsService, ProblemError } from '@mediation/platform';
import { ContractDefinitionSchema, ContractPublishedV2, Rpc, uuidv7, type ContractDefinitionInput } from '@mediation/protocol';
import { createTestDatabase, createTestNamespace, PgTransactions, waitUntil, type TestDatabase, type TestNamespace } from '@mediation/testing';
import { Client, Pool } from 'pg';
import { ContractBook } from './contract-book';
import { ContractPublishedHandler } from './contract-published.handler';
import { ContractVersionProjection } from './contract-version.projection';
import { IntakeContractsClient } from './intake-contracts.client';

jest.setTimeout(60_000);

const definition = (title: string): ContractDefinitionInput => ({
  reference: 'SEND-1',
  title,
  buyers: [{ name: 'County Council', role: 'local-authority' }],
  serviceLines: [
    {
      key: 'send',
      name: 'SEND mediation',
      form: { fields: [] },
      outcomes: [{ key: 'agreed', label: 'Agreement reached', expected: true }],
      londonLivingWage: { required: false },
      dataRetentionMonths: 72,
    },
  ],
});

describe('the contract book, on real PostgreSQL and NATS', () => {
  const org = uuidv7();
  let db: TestDatabase;
  let ns: TestNamespace;
  let owner: Client;
  let pool: Pool;
  let transactions: PgTransactions;
  let nats: NatsConnectionService;
  let rpc: RpcClient;
  /** Intake's side of get-contract-version: the versions it holds, and how often it was asked. */
  const intake = { versions: new Map<string, unknown>(), asked: 0, subscription: undefined as Subscription | undefined };

  const options = (schema: string): MessagingOptions => ({
    service: schema,
    schema,
    natsUrl: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    databaseUrl: db.url,
    namespace: ns.namespace,
  });
  const bookFor = (schema: string) => new ContractBook(new ContractVersionProjection({ schema }), new IntakeContractsClient(rpc, { service: schema }));
  const rows = async (schema: string, contractId: string) =>
    (await owner.query(`SELECT organisation_id, version, status FROM ${schema}.contract_version WHERE contract_id = $1`, [contractId])).rows;

  function intakeRunning(): void {
    intake.subscription = nats.nc.subscribe(nats.names.rpc(Rpc.intake.getContractVersion.subject), {
      queue: 'intake',
      callback: (_error, msg) => {
        intake.asked++;
        const { data } = msg.json<{ data: { contractId: string; version: number } }>();
        const found = intake.versions.get(`${data.contractId}/${data.version}`);
        msg.respond(
          JSON.stringify(
            found
              ? { ok: true, data: { ...data, status: 'active', template: 'send', definition: found } }
              : { ok: false, problem: { type: 'https://mediation.example/problems/not-found', title: 'Not found', status: 404 } },
          ),
        );
      },
    });
  }

  beforeAll(async () => {
    db = await createTestDatabase('contract_book');
    ns = createTestNamespace('cb');
    owner = new Client({ connectionString: db.ownerUrl });
    await owner.connect();
    pool = new Pool({ connectionString: db.url, max: 4 });
    transactions = new PgTransactions(pool);
    nats = new NatsConnectionService(options('casework'));
    await nats.connect();
    rpc = new RpcClient(nats);
    intakeRunning();
  });

  afterAll(async () => {
    intake.subscription?.unsubscribe();
    await nats?.drain();
    await pool?.end();
    await owner?.end();
    await ns?.cleanup();
    await db?.drop();
  });

  it('keeps the same projection table in casework and scheduling', async () => {
    const shape = async (schema: string) => ({
      columns: (
        await owner.query(
          `SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'contract_version' ORDER BY column_name`,
          [schema],
        )
      ).rows,
      indexes: (
        await owner.query(
          `SELECT indexname, replace(indexdef, $1, '') AS def FROM pg_indexes WHERE schemaname = $1 AND tablename = 'contract_version' ORDER BY indexname`,
          [schema],
        )
      ).rows,
    });
    expect(await shape('scheduling')).toEqual(await shape('casework'));
  });

  it('reads a version first seen by the event, stored by the one consumer, without asking intake', async () => {
    const contractId = uuidv7();
    const host = new EventConsumerHost(nats, transactions, new MetricsService('casework'), options('casework'), {
      getProviders: () => [{ metatype: ContractPublishedHandler, instance: new ContractPublishedHandler(bookFor('casework')) }],
    } as unknown as DiscoveryService);
    host.register();
    await host.start();
    try {
      const envelope = {
        specversion: '1.0',
        id: uuidv7(),
        source: '/services/intake',
        type: ContractPublishedV2.type,
        subject: contractId,
        time: new Date().toISOString(),
        datacontenttype: 'application/json',
        organisationid: org,
        sequence: 1,
        correlationid: 'contract-book',
        data: { contractId, version: 1, status: 'active', template: 'send', definition: ContractDefinitionSchema.parse(definition('From the event')) },
      };
      await jetstream(nats.nc).publish(nats.names.event(org, ContractPublishedV2.type), JSON.stringify(envelope), { msgID: envelope.id });
      await waitUntil(async () => ((await rows('casework', contractId)).length ? true : undefined), { what: 'the projected version' });
    } finally {
      await host.stopConsuming();
      await host.finishInFlight();
    }
    const asked = intake.asked;
    const read = await transactions.run((tx) => bookFor('casework').version(tx, org, contractId, 1), { organisationId: org });
    expect(read).toMatchObject({ contractId, version: 1, template: 'send', definition: { title: 'From the event' } });
    expect(intake.asked).toBe(asked);
  });

  it('fetches a version it never saw from intake once, then reads it from the cache, and another process from the projection', async () => {
    const contractId = uuidv7();
    intake.versions.set(`${contractId}/2`, ContractDefinitionSchema.parse(definition('Fetched')));
    const book = bookFor('scheduling');
    const asked = intake.asked;
    for (let i = 0; i < 3; i++)
      expect((await transactions.run((tx) => book.version(tx, org, contractId, 2), { organisationId: org }))?.definition.title).toBe('Fetched');
    expect(intake.asked - asked).toBe(1);
    expect(await rows('scheduling', contractId)).toEqual([{ organisation_id: org, version: 2, status: 'active' }]);
    // A replica that starts later finds it in the projection.
    expect((await transactions.run((tx) => bookFor('scheduling').version(tx, org, contractId, 2), { organisationId: org }))?.definition.title).toBe('Fetched');
    expect(intake.asked - asked).toBe(1);
  });

  it('answers a 503 naming intake when intake is down, storing nothing, and reads on once it is back', async () => {
    const contractId = uuidv7();
    intake.versions.set(`${contractId}/1`, ContractDefinitionSchema.parse(definition('Back')));
    intake.subscription?.unsubscribe();
    try {
      const refused = await transactions.run((tx) => bookFor('casework').version(tx, org, contractId, 1), { organisationId: org }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ProblemError);
      expect((refused as ProblemError).problem).toMatchObject({
        status: 503,
        detail: expect.stringMatching(/could not read contract .* from intake \(The intake service is not running/),
      });
      expect(await rows('casework', contractId)).toEqual([]);
    } finally {
      intakeRunning();
    }
    expect((await transactions.run((tx) => bookFor('casework').version(tx, org, contractId, 1), { organisationId: org }))?.definition.title).toBe('Back');
    expect(await transactions.run((tx) => bookFor('casework').version(tx, org, uuidv7(), 1), { organisationId: org })).toBeNull();
  });
});
