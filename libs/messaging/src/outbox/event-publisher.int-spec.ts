import { SystemClock } from '@mediation/platform';
import { createTestDatabase, pgTx, type TestDatabase } from '@mediation/testing';
import { Client } from 'pg';
import type { MessagingOptions } from '../nats/nats.options';
import { reopening } from '../testing/test-events';
import { EventPublisher } from './event-publisher';
import type { SqlTx } from './sql-tx';

jest.setTimeout(60_000);

describe('the event publisher against real PostgreSQL', () => {
  let db: TestDatabase;
  let writer: Client;
  let listener: Client;
  let notifications = 0;
  const publisher = new EventPublisher(
    { service: 'casework', schema: 'casework', namespace: 'p', natsUrl: '', databaseUrl: '' } as MessagingOptions,
    new SystemClock(),
  );

  beforeAll(async () => {
    db = await createTestDatabase('publisher');
    [writer, listener] = [new Client({ connectionString: db.url }), new Client({ connectionString: db.url })];
    await Promise.all([writer.connect(), listener.connect()]);
    listener.on('notification', () => (notifications += 1));
    await listener.query('LISTEN outbox_casework');
  });

  afterAll(async () => {
    await Promise.all([writer?.end(), listener?.end()]);
    await db?.drop();
  });

  /** One transaction on the writer connection, committed or rolled back. */
  async function transaction(work: (tx: SqlTx) => Promise<void>, outcome: 'COMMIT' | 'ROLLBACK' = 'COMMIT'): Promise<void> {
    await writer.query('BEGIN');
    await work(pgTx(writer));
    await writer.query(outcome);
    // Let a notification, if any, arrive.
    await listener.query('SELECT 1');
  }

  it('stores several events of one transaction in the order given and wakes the relay once, on commit', async () => {
    notifications = 0;
    let ids: string[] = [];
    await transaction(async (tx) => {
      const first = await publisher.append(tx, reopening('first'));
      const rest = await publisher.appendAll(tx, [reopening('second'), reopening('third')]);
      ids = [first.id, ...rest.map((e) => e.id)];
    });
    const { rows } = await writer.query<{ id: string; reason: string; subject: string }>(
      `SELECT id::text, envelope->'data'->>'reason' AS reason, subject FROM casework.outbox WHERE id = ANY($1::uuid[]) ORDER BY position`,
      [ids],
    );
    expect(rows.map((r) => [r.id, r.reason])).toEqual([
      [ids[0], 'first'],
      [ids[1], 'second'],
      [ids[2], 'third'],
    ]);
    expect(rows[0].subject).toMatch(/^p\.events\.[0-9a-f-]+\.casework\.case\.reopened\.v1$/);
    expect(notifications).toBe(1);
  });

  it('leaves no row and no wake-up when the transaction rolls back', async () => {
    notifications = 0;
    let id = '';
    await transaction(async (tx) => {
      id = (await publisher.append(tx, reopening('undone'))).id;
    }, 'ROLLBACK');
    expect((await writer.query('SELECT 1 FROM casework.outbox WHERE id = $1', [id])).rowCount).toBe(0);
    expect(notifications).toBe(0);
  });

  it('writes the events a statement carries beside its own change, in the order given, committed with it', async () => {
    let ids: string[] = [];
    await transaction(async (tx) => {
      const events = publisher.beside(tx, [reopening('beside one'), reopening('beside two')]);
      ids = events.envelopes.map((e) => e.id);
      await writer.query(`WITH events AS (${events.insert(1)}) SELECT 1`, events.values);
      events.written();
    });
    const { rows } = await writer.query<{ id: string; reason: string }>(
      `SELECT id::text, envelope->'data'->>'reason' AS reason FROM casework.outbox WHERE id = ANY($1::uuid[]) ORDER BY position`,
      [ids],
    );
    expect(rows).toEqual([
      { id: ids[0], reason: 'beside one' },
      { id: ids[1], reason: 'beside two' },
    ]);
  });
});
