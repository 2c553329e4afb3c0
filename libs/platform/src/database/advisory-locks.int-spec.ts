import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { lockForTransaction, locksCte, locksTaken } from './advisory-locks';
import type { SqlTx } from './transactions';

jest.setTimeout(30_000);

/** Locks need no table: the server's own database will do, and a name of this run's own keeps runs apart. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the tools' own CommonJS module, as libs/testing reads it
const { migrationDatabaseUrl } = require(path.resolve(__dirname, '../../../../tools/db/database-urls.cjs')) as { migrationDatabaseUrl(): string };

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
  const url = Object.assign(new URL(migrationDatabaseUrl()), { pathname: '/postgres' }).toString();
  const lock = `referral-case:${randomUUID()}`;

  it('a lock the first statement took is held until commit, and taking it again costs no statement', async () => {
    const linking = await openTransaction(url);
    const holding = await openTransaction(url);
    try {
      await linking.tx.$queryRawUnsafe(`WITH ${locksCte(1)} SELECT n FROM locked`, [lock]);
      locksTaken(linking.tx, [lock]);
      await lockForTransaction(linking.tx, lock);
      expect(linking.statements).toHaveLength(1);

      // Another transaction asking for the same lock waits for the first to commit.
      let held = false;
      const waiting = lockForTransaction(holding.tx, lock).then(() => (held = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(held).toBe(false);
      await linking.commit();
      await waiting;
      expect(held).toBe(true);
      // Taken through lockForTransaction, it is not asked for twice either.
      await lockForTransaction(holding.tx, lock);
      expect(holding.statements).toHaveLength(1);
    } finally {
      await holding.commit().catch(() => undefined);
      await Promise.all([linking.end(), holding.end()]);
    }
  });
});
