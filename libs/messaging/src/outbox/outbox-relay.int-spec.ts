import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { createTestDatabase, createTestNamespace, waitUntil, type TestDatabase, type TestNamespace } from '@mediation/testing';
import { uuidv7 } from '@mediation/protocol';
import { Client } from 'pg';
import { ensureStreams } from '../nats/nats.connection';
import { OutboxRelay } from './outbox-relay';
import { outboxWakeSubject } from './outbox-wake';

jest.setTimeout(60_000);

const silent = { log: () => undefined, warn: (m: string) => console.warn(m), error: (m: string) => console.error(m) };

describe('the outbox relay against real PostgreSQL and JetStream', () => {
  let db: TestDatabase;
  let ns: TestNamespace;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let sql: Client;
  const relays: OutboxRelay[] = [];

  beforeAll(async () => {
    [db, ns] = [await createTestDatabase('relay'), createTestNamespace('r')];
    nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    jsm = await jetstreamManager(nc);
    await ensureStreams(jsm, ns.names);
    sql = new Client({ connectionString: db.ownerUrl });
    await sql.connect();
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
  });

  afterAll(async () => {
    await sql?.end();
    await nc?.close();
    await ns?.cleanup();
    await db?.drop();
  });

  function relay(extra: Partial<ConstructorParameters<typeof OutboxRelay>[0]> = {}) {
    const r = new OutboxRelay({ schema: 'casework', databaseUrl: db.url, js: jetstream(nc), logger: silent, pollIntervalMs: 100, ...extra });
    relays.push(r);
    return r;
  }

  async function addEvents(count: number, aggregate = uuidv7()): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const id = uuidv7();
      ids.push(id);
      const subject = ns.names.event('00000000-0000-4000-8000-000000000000', 'casework.case.opened.v1');
      await sql.query(`INSERT INTO casework.outbox (id, subject, envelope) VALUES ($1, $2, $3)`, [
        id,
        subject,
        JSON.stringify({ id, subject: aggregate, sequence: i + 1 }),
      ]);
    }
    return ids;
  }

  const streamCount = async () => Number((await jsm.streams.info(ns.names.eventsStream)).state.messages);
  const unpublished = async () => Number((await sql.query(`SELECT count(*) AS n FROM casework.outbox WHERE published_at IS NULL`)).rows[0].n);

  it('publishes committed rows in order and marks them published', async () => {
    const before = await streamCount();
    await addEvents(5);
    relay().start();
    await waitUntil(async () => ((await unpublished()) === 0 ? true : undefined), { what: 'rows to be marked' });
    expect(await streamCount()).toBe(before + 5);
    const sequences: number[] = [];
    for (let seq = before + 1; seq <= before + 5; seq += 1)
      sequences.push((await jsm.streams.getMessage(ns.names.eventsStream, { seq }))!.json<{ sequence: number }>().sequence);
    expect(sequences).toEqual([1, 2, 3, 4, 5]);
  });

  it('a relay that dies between publishing and marking publishes again, and JetStream keeps one copy', async () => {
    const before = await streamCount();
    await addEvents(3);
    const dying = relay({
      afterPublish: async () => {
        throw new Error('killed between publish and mark');
      },
    });
    dying.start();
    // It published (the stream grew) but never marked.
    await waitUntil(async () => ((await streamCount()) === before + 3 ? true : undefined), { what: 'the first publish' });
    await dying.stop();
    expect(await unpublished()).toBe(3);

    relay().start();
    await waitUntil(async () => ((await unpublished()) === 0 ? true : undefined), { what: 'the second relay to mark the rows' });
    expect(await streamCount()).toBe(before + 3);
  });

  it('with two relays on one schema only one is the leader, and the other takes over when it stops', async () => {
    const first = relay();
    const second = relay();
    first.start();
    await waitUntil(async () => (first.isLeader ? true : undefined), { what: 'a leader' });
    second.start();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(second.isLeader).toBe(false);

    await first.stop();
    await waitUntil(async () => (second.isLeader ? true : undefined), { what: 'the follower to take over' });
    await addEvents(2);
    await waitUntil(async () => ((await unpublished()) === 0 ? true : undefined), { what: 'the new leader to publish' });
  });

  it('keeps leadership in a lease row, not a session: a leader whose connection is cut (as a transaction pooler would) stays the leader, and no follower publishes meanwhile', async () => {
    const leader = relay();
    leader.start();
    await waitUntil(async () => (leader.isLeader ? true : undefined), { what: 'a leader' });
    const follower = relay();
    follower.start();
    await sql.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'outbox-relay-casework' AND datname = current_database()`);
    await addEvents(3);
    await waitUntil(async () => ((await unpublished()) === 0 ? true : undefined), { what: 'the leader to reconnect and publish' });
    expect(leader.isLeader).toBe(true);
    expect(follower.isLeader).toBe(false);
    const { rows } = await sql.query(`SELECT holder FROM casework.outbox_relay_lease`);
    expect(rows).toEqual([{ holder: leader.holder }]);
  });

  it('replaces a leader that died without handing back its lease once the lease runs out, and not before', async () => {
    await sql.query(`INSERT INTO casework.outbox_relay_lease (name, holder, expires_at) VALUES ('relay', 'killed-with-9', now() + interval '1500 milliseconds')
                     ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at`);
    await addEvents(2);
    const r = relay({ leaseMs: 2_000 });
    r.start();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(r.isLeader).toBe(false);
    expect(await unpublished()).toBe(2);
    await waitUntil(async () => ((await unpublished()) === 0 ? true : undefined), { what: 'the new leader to publish', timeoutMs: 10_000 });
    expect(r.isLeader).toBe(true);
  });

  it('publishes a backlog of several batches in position order, each event once', async () => {
    const before = await streamCount();
    const aggregate = uuidv7();
    const subject = ns.names.event('00000000-0000-4000-8000-000000000000', 'casework.case.opened.v1');
    await sql.query(
      `INSERT INTO casework.outbox (id, subject, envelope)
       SELECT gen_random_uuid(), $1, jsonb_build_object('subject', $2::text, 'sequence', n) FROM generate_series(1, 2500) AS n ORDER BY n`,
      [subject, aggregate],
    );
    let published = 0;
    relay({ onPublished: (count) => (published += count) }).start();
    await waitUntil(async () => ((await unpublished()) === 0 ? true : undefined), { what: 'the backlog to be published', timeoutMs: 30_000 });
    expect(await streamCount()).toBe(before + 2500);
    // Each batch's read marks the batch before it and leaves those rows out: none is sent twice.
    expect(published).toBe(2500);
    const sample = [1, 999, 1000, 1001, 2000, 2001, 2500];
    const sequences = await Promise.all(
      sample.map(async (i) => (await jsm.streams.getMessage(ns.names.eventsStream, { seq: before + i }))!.json<{ sequence: number }>().sequence),
    );
    expect(sequences).toEqual(sample);
  });

  it('wakes on the NATS wake-up sent after a commit instead of waiting for its poll', async () => {
    const wakeSubject = outboxWakeSubject(ns.namespace, 'casework');
    const r = relay({ pollIntervalMs: 30_000, nc, wakeSubject });
    r.start();
    await waitUntil(async () => (r.isLeader ? true : undefined), { what: 'a leader' });
    const [id] = await addEvents(1);
    nc.publish(wakeSubject);
    await waitUntil(
      async () => ((await sql.query(`SELECT published_at FROM casework.outbox WHERE id = $1 ORDER BY position`, [id])).rows[0].published_at ? true : undefined),
      {
        what: 'the woken relay to publish',
        timeoutMs: 5_000,
      },
    );
  });

  it('a relay that stops marks the rows it has published and not yet marked', async () => {
    const r = relay({ pollIntervalMs: 30_000, markWithinMs: 30_000 });
    r.start();
    await waitUntil(async () => (r.isLeader ? true : undefined), { what: 'a leader' });
    const before = await streamCount();
    await addEvents(2);
    await sql.query(`SELECT pg_notify('outbox_casework', '')`);
    await waitUntil(async () => ((await streamCount()) === before + 2 ? true : undefined), { what: 'the publish' });
    expect(await unpublished()).toBe(2);
    await r.stop();
    expect(await unpublished()).toBe(0);
  });

  it('wakes on NOTIFY instead of waiting for its poll', async () => {
    const r = relay({ pollIntervalMs: 30_000 });
    r.start();
    await waitUntil(async () => (r.isLeader ? true : undefined), { what: 'a leader' });
    const [id] = await addEvents(1);
    await sql.query(`SELECT pg_notify('outbox_casework', '')`);
    const started = Date.now();
    await waitUntil(
      async () => ((await sql.query(`SELECT published_at FROM casework.outbox WHERE id = $1 ORDER BY position`, [id])).rows[0].published_at ? true : undefined),
      {
        what: 'the notified row',
        timeoutMs: 5_000,
      },
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
