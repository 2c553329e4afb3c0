import { AckPolicy, jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { DiscoveryService } from '@nestjs/core';
import { APP_ROLE, MetricsService, TENANT_SETTING } from '@mediation/platform';
import { CaseLegalHoldChangedV1, CaseReopenedV1, uuidv7, type EventData, type EventEnvelope } from '@mediation/protocol';
import { createTestDatabase, createTestNamespace, PgTransactions, waitUntil, type TestDatabase, type TestNamespace } from '@mediation/testing';
import { Client, Pool } from 'pg';
import { ensureStreams, NatsConnectionService } from '../nats/nats.connection';
import type { MessagingOptions } from '../nats/nats.options';
import type { SqlTx } from '../outbox/sql-tx';
import { EventConsumer, PermanentEventError, type EventHandler } from './event-handler';
import { EventConsumerHost } from './event-consumer.host';

jest.setTimeout(90_000);

const ORG_A = uuidv7();
const ORG_B = uuidv7();

/** One row per event handled, written under the transaction's tenant. */
async function recordInProbe(tx: SqlTx, event: EventEnvelope): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO casework.batch_probe (organisation_id, case_id, sequence, event_id, tenant) VALUES ($1::uuid, $2::uuid, $3, $4::uuid, current_setting('${TENANT_SETTING}', true))`,
    event.organisationid,
    event.subject,
    event.sequence,
    event.id,
  );
}

/**
 * Records each reopening it handles in `casework.batch_probe`, a tenant table with row-level security,
 * so a row written under the wrong tenant is refused. The reason says how it behaves: `poison` can never
 * succeed, `flaky` fails its first two deliveries.
 */
@EventConsumer()
class ReopeningProbe implements EventHandler<typeof CaseReopenedV1> {
  readonly consumes = CaseReopenedV1;
  readonly failures = new Map<string, number>();

  async handle(event: EventEnvelope<EventData<typeof CaseReopenedV1>>, tx: SqlTx): Promise<void> {
    if (event.data.reason === 'poison') throw new PermanentEventError('this reopening can never be recorded');
    if (event.data.reason === 'flaky') {
      const failed = this.failures.get(event.id) ?? 0;
      if (failed < 2) {
        this.failures.set(event.id, failed + 1);
        throw new Error('the database is busy');
      }
    }
    await recordInProbe(tx, event);
  }
}

/** Records legal-hold changes beside the reopenings, to see one case's events of two types in order. */
@EventConsumer()
class LegalHoldProbe implements EventHandler<typeof CaseLegalHoldChangedV1> {
  readonly consumes = CaseLegalHoldChangedV1;
  constructor(readonly needsOrderAcrossTypes = false) {}

  async handle(event: EventEnvelope<EventData<typeof CaseLegalHoldChangedV1>>, tx: SqlTx): Promise<void> {
    await recordInProbe(tx, event);
  }
}

describe('the event consumer host, in batches, against real JetStream and PostgreSQL', () => {
  let db: TestDatabase;
  let admin: Client;
  let pool: Pool;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let ns: TestNamespace;
  let host: EventConsumerHost | undefined;
  let nats: NatsConnectionService | undefined;
  let metrics: MetricsService;
  let transactions: PgTransactions;
  /** Each case's version so far, across publishes. */
  let sequences: Map<string, number>;

  beforeAll(async () => {
    db = await createTestDatabase('consumer');
    admin = new Client({ connectionString: db.ownerUrl });
    await admin.connect();
    await admin.query(`
      CREATE TABLE casework.batch_probe (id BIGSERIAL PRIMARY KEY, organisation_id UUID NOT NULL, case_id UUID NOT NULL, sequence INT NOT NULL, event_id UUID NOT NULL, tenant TEXT);
      GRANT SELECT, INSERT ON casework.batch_probe TO ${APP_ROLE};
      GRANT USAGE ON SEQUENCE casework.batch_probe_id_seq TO ${APP_ROLE};
      ALTER TABLE casework.batch_probe ENABLE ROW LEVEL SECURITY;
      ALTER TABLE casework.batch_probe FORCE ROW LEVEL SECURITY;
      CREATE POLICY batch_probe_tenant ON casework.batch_probe
        USING (organisation_id = NULLIF(current_setting('${TENANT_SETTING}', true), '')::uuid)
        WITH CHECK (organisation_id = NULLIF(current_setting('${TENANT_SETTING}', true), '')::uuid);`);
    // db.url logs in as the application role itself, as the services do.
    pool = new Pool({ connectionString: db.url, max: 10 });
    nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    jsm = await jetstreamManager(nc);
  });

  beforeEach(async () => {
    ns = createTestNamespace('c');
    await ensureStreams(jsm, ns.names);
    await admin.query('TRUNCATE casework.batch_probe, casework.inbox');
    metrics = new MetricsService('casework');
    transactions = new PgTransactions(pool);
    sequences = new Map();
  });

  afterEach(async () => {
    await host?.stopConsuming();
    await host?.finishInFlight();
    await nats?.drain();
    [host, nats] = [undefined, undefined];
    await ns.cleanup();
  });

  afterAll(async () => {
    await pool?.end();
    await admin?.end();
    await nc?.close();
    await db?.drop();
  });

  async function startHost(probe = new ReopeningProbe(), others: EventHandler[] = []): Promise<ReopeningProbe> {
    const options: MessagingOptions = {
      service: 'casework',
      schema: 'casework',
      natsUrl: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
      databaseUrl: db.url,
      namespace: ns.namespace,
    };
    nats = new NatsConnectionService(options);
    const discovery = {
      getProviders: () => [probe, ...others].map((instance) => ({ metatype: instance.constructor, instance })),
    } as unknown as DiscoveryService;
    host = new EventConsumerHost(nats, transactions, metrics, options, discovery);
    host.register();
    await host.start();
    return probe;
  }

  /** Publishes one reopening (or legal-hold change) per entry, in order; `sequence` counts per case. */
  async function publish(events: { org?: string; caseId: string; reason?: string; id?: string; legalHold?: boolean }[]): Promise<string[]> {
    const js = jetstream(nc);
    const ids: string[] = [];
    for (const e of events) {
      const sequence = (sequences.get(e.caseId) ?? 0) + 1;
      sequences.set(e.caseId, sequence);
      const org = e.org ?? ORG_A;
      const type = e.legalHold ? CaseLegalHoldChangedV1.type : CaseReopenedV1.type;
      const envelope = {
        specversion: '1.0',
        id: e.id ?? uuidv7(),
        source: '/services/casework',
        type,
        subject: e.caseId,
        time: new Date().toISOString(),
        datacontenttype: 'application/json',
        organisationid: org,
        sequence,
        correlationid: 'batch-test',
        data: e.legalHold
          ? { caseId: e.caseId, legalHold: true, reason: 'court order' }
          : {
              caseId: e.caseId,
              contractId: uuidv7(),
              previouslyClosedAt: '2026-11-01T10:00:00Z',
              reopenedAt: '2026-11-20T10:00:00Z',
              countsAsReopened: true,
              reason: e.reason ?? 'new evidence',
            },
      };
      ids.push(envelope.id);
      // A fresh message id each time, so JetStream keeps a republished event and the inbox must catch it.
      await js.publish(ns.names.event(org, type), JSON.stringify(envelope), { msgID: uuidv7() });
    }
    return ids;
  }

  const probeRows = async () =>
    (
      await admin.query<{ organisation_id: string; case_id: string; sequence: number; event_id: string; tenant: string }>(
        'SELECT organisation_id, case_id, sequence, event_id, tenant FROM casework.batch_probe ORDER BY id',
      )
    ).rows;
  const consumed = async (outcome: string) =>
    (await metrics.registry.getSingleMetric('events_consumed_total')!.get()).values.find((v) => v.labels.outcome === outcome)?.value ?? 0;
  const dlqCount = async () => Number((await jsm.streams.info(ns.names.dlqStream)).state.messages);

  it('handles a backlog in far fewer transactions than events, each case’s events in order across batches', async () => {
    const cases = [uuidv7(), uuidv7(), uuidv7()];
    const backlog = Array.from({ length: 60 }, (_, i) => ({ caseId: cases[i % 3] }));
    await publish(backlog);
    await startHost();
    // More arrive while the first batches are being handled.
    await publish(Array.from({ length: 30 }, (_, i) => ({ caseId: cases[i % 3] })));
    const rows = await waitUntil(
      async () => {
        const r = await probeRows();
        return r.length === 90 ? r : undefined;
      },
      { what: '90 reopenings recorded' },
    );
    for (const caseId of cases) expect(rows.filter((r) => r.case_id === caseId).map((r) => r.sequence)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(transactions.commits).toBeLessThan(30);
    expect(await consumed('handled')).toBe(90);
  });

  it('sends a poison event in a batch of good ones to the DLQ alone, and records every good one exactly once, in order', async () => {
    const caseId = uuidv7();
    const events = Array.from({ length: 25 }, (_, i) => ({ caseId, reason: i === 12 ? 'poison' : 'new evidence' }));
    const ids = await publish(events);
    await startHost();
    await waitUntil(async () => ((await consumed('handled')) === 24 && (await dlqCount()) === 1 ? true : undefined), {
      what: '24 handled and 1 dead-lettered',
    });
    const rows = await probeRows();
    expect(rows.map((r) => r.event_id)).toEqual(ids.filter((_, i) => i !== 12));
    const letter = await jsm.streams.getMessage(ns.names.dlqStream, {
      last_by_subj: ns.names.dlq('casework', ns.names.durable('casework', 'events')),
    });
    expect(letter!.header.get('Dlq-Reason')).toBe('permanent: this reopening can never be recorded');
    expect(letter!.json<{ id: string }>().id).toBe(ids[12]);
  });

  it('acks and skips an event delivered twice in one batch, and one already in the inbox', async () => {
    const caseId = uuidv7();
    const [first] = await publish([{ caseId }]);
    const again = [{ caseId: uuidv7() }, { caseId, id: first }, { caseId: uuidv7() }, { caseId, id: first }];
    await publish(again);
    await startHost();
    await waitUntil(async () => ((await consumed('handled')) + (await consumed('duplicate')) === 5 ? true : undefined), { what: 'all five messages settled' });
    expect(await consumed('duplicate')).toBe(2);
    expect((await probeRows()).filter((r) => r.event_id === first)).toHaveLength(1);

    // The same event once more, long after: the inbox remembers it.
    await publish([{ caseId, id: first }]);
    await waitUntil(async () => ((await consumed('duplicate')) === 3 ? true : undefined), { what: 'the late copy to be skipped' });
    expect(await probeRows()).toHaveLength(3);
  });

  it('retries a transient failure with backoff until it succeeds, without repeating the events handled beside it', async () => {
    const caseId = uuidv7();
    const ids = await publish(Array.from({ length: 10 }, (_, i) => ({ caseId: i === 4 ? uuidv7() : caseId, reason: i === 4 ? 'flaky' : 'new evidence' })));
    const probe = await startHost();
    const rows = await waitUntil(
      async () => {
        const r = await probeRows();
        return r.length === 10 ? r : undefined;
      },
      { what: 'the flaky event to succeed on its third delivery', timeoutMs: 20_000 },
    );
    // Two failed attempts (in its batch, alone, or on redelivery), then success: never dead-lettered.
    expect(probe.failures.get(ids[4])).toBe(2);
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(10);
    expect(await consumed('retried')).toBeGreaterThanOrEqual(1);
    expect(await dlqCount()).toBe(0);
  });

  it('gives two organisations in one batch a transaction each, with its own tenant for row-level security', async () => {
    const [caseA, caseB] = [uuidv7(), uuidv7()];
    await publish(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? { org: ORG_A, caseId: caseA } : { org: ORG_B, caseId: caseB })));
    await startHost();
    await waitUntil(async () => ((await consumed('handled')) === 20 ? true : undefined), { what: 'both organisations’ events handled' });
    const rows = await probeRows();
    expect(rows.every((r) => r.tenant === r.organisation_id)).toBe(true);
    expect(rows.filter((r) => r.organisation_id === ORG_A).map((r) => r.sequence)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(rows.filter((r) => r.organisation_id === ORG_B).map((r) => r.sequence)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });

  async function consumers() {
    const found = [];
    for await (const info of jsm.consumers.list(ns.names.eventsStream)) found.push(info);
    return found;
  }

  it('takes over from the one-consumer-per-type durable of earlier versions where it had acked, and removes it', async () => {
    const caseId = uuidv7();
    const handledBefore = await publish([{ caseId }, { caseId }]);
    // An earlier version's durable had handled (and acked) the first two reopenings when it stopped.
    const earlier = ns.names.durable('casework', CaseReopenedV1.type);
    await jsm.consumers.add(ns.names.eventsStream, {
      durable_name: earlier,
      ack_policy: AckPolicy.Explicit,
      filter_subject: ns.names.eventFilter(CaseReopenedV1.type),
    });
    const old = await jetstream(nc).consumers.get(ns.names.eventsStream, earlier);
    for (let i = 0; i < 2; i += 1) await (await old.next({ expires: 5_000 }))!.ackAck();
    const after = await publish([{ caseId }, { caseId }, { caseId }]);

    await startHost();
    await waitUntil(async () => ((await probeRows()).length === 3 ? true : undefined), { what: 'the three reopenings after the earlier ack floor' });
    expect((await probeRows()).map((r) => r.event_id)).toEqual(after);
    expect(handledBefore.some((id) => after.includes(id))).toBe(false);
    // One durable for the group on NATS 2.10+, one per event type of the group on 2.9: either way, the earlier one is gone.
    const names = (await consumers()).map((c) => c.name);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^casework__events/);
  });

  it('hands one case’s events of two types to a group that needs order across types in the order they were published', async () => {
    const caseId = uuidv7();
    const ids = await publish(Array.from({ length: 40 }, (_, i) => ({ caseId, legalHold: i % 3 === 1 })));
    // An event of a type the group does not handle sits among them: a whole-stream consumer acknowledges it unread.
    await jetstream(nc).publish(ns.names.event(ORG_A, 'billing.invoice.issued.v1'), 'not even JSON', { msgID: uuidv7() });
    await startHost(Object.assign(new ReopeningProbe(), { needsOrderAcrossTypes: true }), [new LegalHoldProbe(true)]);
    await waitUntil(async () => ((await probeRows()).length === 40 ? true : undefined), { what: 'the 40 events of both types' });
    expect((await probeRows()).map((r) => r.event_id)).toEqual(ids);
    // One durable for the group whatever the server: on NATS 2.9 it filters the whole stream.
    expect((await consumers()).map((c) => c.name)).toEqual([ns.names.durable('casework', 'events')]);
    await waitUntil(async () => ((await consumers()).every((c) => c.num_ack_pending === 0 && c.num_pending === 0) ? true : undefined), {
      what: 'nothing left unacked',
    });
    expect(await dlqCount()).toBe(0);
  });

  it('takes over from earlier durables without reading again what they had handled, even one whose type had never occurred', async () => {
    const caseId = uuidv7();
    await publish([{ caseId }, { caseId }, { caseId }]);
    // The one-consumer-per-type durables a NATS 2.9 deployment had: reopenings all acked, legal holds never seen (ack floor 0).
    const perType = (type: string) => `${ns.names.durable('casework', 'events')}-${type.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    for (const type of [CaseReopenedV1.type, CaseLegalHoldChangedV1.type]) {
      await jsm.consumers.add(ns.names.eventsStream, {
        durable_name: perType(type),
        ack_policy: AckPolicy.Explicit,
        filter_subject: ns.names.eventFilter(type),
      });
    }
    const old = await jetstream(nc).consumers.get(ns.names.eventsStream, perType(CaseReopenedV1.type));
    for (let i = 0; i < 3; i += 1) await (await old.next({ expires: 5_000 }))!.ackAck();
    const after = await publish([{ caseId }, { caseId, legalHold: true }]);

    await startHost(Object.assign(new ReopeningProbe(), { needsOrderAcrossTypes: true }), [new LegalHoldProbe(true)]);
    await waitUntil(async () => ((await probeRows()).length >= 2 ? true : undefined), { what: 'the two events after the earlier durables stopped' });
    await waitUntil(async () => ((await consumers()).every((c) => c.num_ack_pending === 0 && c.num_pending === 0) ? true : undefined), {
      what: 'nothing left unacked',
    });
    expect((await probeRows()).map((r) => r.event_id)).toEqual(after);
    expect((await consumers()).map((c) => c.name)).toEqual([ns.names.durable('casework', 'events')]);
  });

  it('never handles nor dead-letters events of types the service does not consume', async () => {
    const js = jetstream(nc);
    await js.publish(ns.names.event(ORG_A, 'billing.invoice.issued.v1'), 'not even JSON', { msgID: uuidv7() });
    const [id] = await publish([{ caseId: uuidv7() }]);
    await startHost();
    await waitUntil(async () => ((await probeRows()).length === 1 ? true : undefined), { what: 'the reopening to be handled' });
    expect((await probeRows())[0].event_id).toBe(id);
    await waitUntil(async () => ((await consumers()).every((c) => c.num_ack_pending === 0) ? true : undefined), { what: 'nothing left unacked' });
    expect(await dlqCount()).toBe(0);
  });
});
