import { Client } from 'pg';
import { createEmptyDatabase, type TestDatabase } from '@mediation/testing';
import { lockForTransaction, locksCte, locksTaken } from './advisory-locks';
import type { SqlTx } from './transactions';

jest.setTimeout(30_000);

/** A transaction on a connection of its own, as leanSql sees a transaction's client, counting its statements. */
async function openTransaction(url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  const statements: string[] = [];
  const tx = {
    $queryRawUnsafe: async (sql: string, ...values: unknown[]) => (statements.push(sql), (await client.query(sql, values)).rows),
    $executeRawUnsafe: async (sql: string, ...values: unknown[]) => (statements.push(sql), (await client.query(sql, values)).rowCount ?? 0),
  } as unknown as SqlTx;
  return { tx, statements, commit: () => client.query('COMMIT'), end: () => client.end() };
}

describe('transaction locks taken by a transaction’s first statement', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createEmptyDatabase('locks');
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('a lock the first statement took is held until commit, and taking it again costs no statement', async () => {
    const linking = await openTransaction(db.ownerUrl);
    const holding = await openTransaction(db.ownerUrl);
    try {
      await linking.tx.$queryRawUnsafe(`WITH ${locksCte(1)} SELECT n FROM locked`, ['referral-case:c-1']);
      locksTaken(linking.tx, ['referral-case:c-1']);
      await lockForTransaction(linking.tx, 'referral-case:c-1');
      expect(linking.statements).toHaveLength(1);

      // Another transaction asking for the same lock waits for the first to commit.
      let held = false;
      const waiting = lockForTransaction(holding.tx, 'referral-case:c-1').then(() => (held = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(held).toBe(false);
      await linking.commit();
      await waiting;
      expect(held).toBe(true);
      // Taken through lockForTransaction, it is not asked for twice either.
      await lockForTransaction(holding.tx, 'referral-case:c-1');
      expect(holding.statements).toHaveLength(1);
    } finally {
      await holding.commit().catch(() => undefined);
      await Promise.all([linking.end(), holding.end()]);
    }
  });
});
