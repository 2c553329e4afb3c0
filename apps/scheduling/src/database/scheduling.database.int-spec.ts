import { Client } from 'pg';
import { APP_ROLE, leanSql, TENANT_SETTING } from '@mediation/platform';
import { createTestDatabase, type TestDatabase } from '@mediation/testing';
import { SchedulingDatabase } from './scheduling.database';

const ORG = '0190a000-0000-7000-8000-0000000000a1';
const EVENT = '0190a000-0000-7000-8000-0000000000e1';

describe('statements on a transaction’s own connection (leanSql), beside Prisma’s', () => {
  let database: TestDatabase;
  let db: SchedulingDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('lean');
    db = new SchedulingDatabase(database.url);
  });

  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  const inboxRows = (tx: Parameters<typeof leanSql>[0]) =>
    leanSql(tx).rows<{ n: number }>(`SELECT count(*)::int AS n FROM scheduling.inbox WHERE event_id = $1::uuid`, EVENT);

  it('run in the transaction: they see its tenant and what Prisma wrote in it, and Prisma sees what they wrote', async () => {
    await db.forTenant(ORG, async (tx) => {
      const [setting] = await leanSql(tx).rows<{ tenant: string }>(`SELECT current_setting($1, true) AS tenant`, TENANT_SETTING);
      expect(setting.tenant).toBe(ORG);
      expect(await leanSql(tx).count(`INSERT INTO scheduling.inbox (consumer, event_id) VALUES ($1, $2::uuid)`, 'lean', EVENT)).toBe(1);
      expect(await tx.$queryRawUnsafe(`SELECT consumer FROM scheduling.inbox WHERE event_id = $1::uuid`, EVENT)).toEqual([{ consumer: 'lean' }]);
      await tx.$executeRawUnsafe(`INSERT INTO scheduling.inbox (consumer, event_id) VALUES ($1, $2::uuid)`, 'prisma', EVENT);
      expect(await inboxRows(tx)).toEqual([{ n: 2 }]);
    });
    expect(await db.forTenant(ORG, inboxRows)).toEqual([{ n: 2 }]);
  });

  it('go to the connection itself, not through Prisma: an int8 comes back as pg gives it, as text (Prisma would give a BigInt)', async () => {
    const [lean] = await db.forTenant(ORG, (tx) => leanSql(tx).rows<{ n: unknown }>(`SELECT 1::int8 AS n`));
    expect(lean.n).toBe('1');
    const [viaPrisma] = await db.$queryRawUnsafe<{ n: unknown }[]>(`SELECT 1::int8 AS n`);
    expect(viaPrisma.n).toBe(BigInt(1));
  });

  it('transactions opened side by side, more than the pool holds, and one opened after them, each find their own connection', async () => {
    // The backend as text (int8) shows the statement went to the connection itself; Prisma would answer a BigInt.
    const backends = (tx: Parameters<typeof leanSql>[0] & { $queryRawUnsafe: typeof db.$queryRawUnsafe }) =>
      Promise.all([
        leanSql(tx).rows<{ pid: unknown }>(`SELECT pg_backend_pid()::int8 AS pid`),
        tx.$queryRawUnsafe<{ pid: bigint }[]>(`SELECT pg_backend_pid()::int8 AS pid`),
      ]).then(([[lean], [prisma]]) => ({ lean: lean.pid, prisma: String(prisma.pid) }));
    const together = await Promise.all(Array.from({ length: 25 }, () => db.forTenant(ORG, backends)));
    const after = await db.forTenant(ORG, backends);
    for (const { lean, prisma } of [...together, after]) expect(lean).toBe(prisma);
  });

  it('roll back with it when the work fails, whichever client wrote', async () => {
    const other = '0190a000-0000-7000-8000-0000000000e2';
    await expect(
      db.forTenant(ORG, async (tx) => {
        await leanSql(tx).count(`INSERT INTO scheduling.inbox (consumer, event_id) VALUES ($1, $2::uuid)`, 'lean', other);
        throw new Error('the handler failed');
      }),
    ).rejects.toThrow('the handler failed');
    expect(await db.forTenant(ORG, (tx) => leanSql(tx).rows(`SELECT 1 FROM scheduling.inbox WHERE event_id = $1::uuid`, other))).toEqual([]);
  });

  it('a failing statement fails the transaction with PostgreSQL’s own error and leaves the pool whole', async () => {
    await expect(db.forTenant(ORG, (tx) => leanSql(tx).rows(`SELECT $1::uuid`, 'not-a-uuid'))).rejects.toMatchObject({ code: '22P02' });
    const answers = await Promise.all(Array.from({ length: 12 }, () => db.forTenant(ORG, inboxRows)));
    expect(answers.every(([row]) => row.n === 2)).toBe(true);
  });

  it('once the work is over its transaction client no longer reaches the connection, which another transaction may hold', async () => {
    let kept: Parameters<typeof leanSql>[0] | undefined;
    await db.forTenant(ORG, async (tx) => {
      kept = tx;
    });
    await expect(leanSql(kept!).rows(`SELECT 1`)).rejects.toThrow();
  });

  it('send a Date as its instant, whatever the process’s time zone', async () => {
    const instant = new Date('2026-03-29T00:30:00Z');
    const [row] = await db.run((tx) =>
      leanSql(tx).rows<{ at: string }>(`SELECT to_char($1::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS at`, instant),
    );
    expect(row.at).toBe('2026-03-29 00:30');
  });

  it('are prepared once per connection, under a name of their own: PostgreSQL parses and plans them once', async () => {
    const text = `SELECT count(*)::int AS n FROM scheduling.inbox WHERE consumer = $1`;
    const prepared = await db.forTenant(ORG, async (tx) => {
      await leanSql(tx).rows(text, 'lean');
      await leanSql(tx).rows(text, 'prisma');
      return leanSql(tx).rows<{ name: string }>(`SELECT name FROM pg_prepared_statements WHERE statement = $1`, text);
    });
    expect(prepared).toEqual([{ name: expect.stringMatching(/^lean_/) }]);
  });

  it('heal when a migration changes the columns a prepared statement answers: at most one run fails, then it answers the new ones', async () => {
    const owner = new Client({ connectionString: database.ownerUrl });
    await owner.connect();
    try {
      await owner.query(
        `CREATE TABLE scheduling.lean_probe (id int); INSERT INTO scheduling.lean_probe VALUES (1); GRANT SELECT ON scheduling.lean_probe TO ${APP_ROLE}`,
      );
      const probe = () => db.run((tx) => leanSql(tx).rows(`SELECT * FROM scheduling.lean_probe`));
      expect(await probe()).toEqual([{ id: 1 }]);
      await owner.query(`ALTER TABLE scheduling.lean_probe ADD COLUMN note text DEFAULT 'added'`);
      const failures: unknown[] = [];
      let answer: unknown;
      for (let run = 0; run < 2 && answer === undefined; run += 1) answer = await probe().catch((error: unknown) => void failures.push(error));
      expect(answer).toEqual([{ id: 1, note: 'added' }]);
      expect(failures).toEqual(failures.length ? [expect.objectContaining({ code: '0A000' })] : []);
    } finally {
      await owner.end();
    }
  });
});
