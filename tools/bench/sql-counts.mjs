// SQL statements and transactions the services spend on the bench's database, read from the
// cluster's statistics through the `postgres` database (so reading them adds nothing to the count).
// Statements come from pg_stat_statements when the server loads it; transactions from
// pg_stat_database, which every server keeps (flushed when a backend ends, so read after the
// services have stopped).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

/** Marks the bench's own queries, so they are left out of the statement counts. */
export const OBSERVER_MARK = '/* bench-observer */';

export const HOW_TO_ENABLE =
  "run with --private-postgres (a cluster of the bench's own), or add shared_preload_libraries = 'pg_stat_statements' to postgresql.conf, restart PostgreSQL and CREATE EXTENSION pg_stat_statements";

export async function sqlCounter(adminUrl, database) {
  const client = new Client({ connectionString: adminUrl, application_name: 'skeleton-bench-stats' });
  await client.connect();
  let statementsAvailable = false;
  try {
    const { rows } = await client.query(`SELECT current_setting('shared_preload_libraries') AS libs`);
    if (
      rows[0].libs
        .split(',')
        .map((s) => s.trim())
        .includes('pg_stat_statements')
    ) {
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      statementsAvailable = true;
    }
  } catch {
    statementsAvailable = false;
  }
  const dbid = Number((await client.query('SELECT oid FROM pg_database WHERE datname = $1', [database])).rows[0].oid);

  async function transactions() {
    const { rows } = await client.query('SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datid = $1', [dbid]);
    return { committed: Number(rows[0].xact_commit), rolledBack: Number(rows[0].xact_rollback) };
  }

  async function statements() {
    if (!statementsAvailable) return null;
    const { rows } = await client.query(
      `SELECT query, calls::float8 AS calls, (total_exec_time + total_plan_time)::float8 AS ms, (shared_blks_hit + shared_blks_read)::float8 AS blocks
         FROM pg_stat_statements WHERE dbid = $1 AND query NOT LIKE '%${OBSERVER_MARK}%' ORDER BY calls DESC`,
      [dbid],
    );
    return rows.map((r) => ({ query: r.query.replace(/\s+/g, ' ').trim(), calls: Number(r.calls), ms: Number(r.ms), blocks: Number(r.blocks) }));
  }

  return {
    statementsAvailable,
    /** Starts a window: remembers the transaction count and empties the statement statistics. */
    async begin() {
      if (statementsAvailable) await client.query('SELECT pg_stat_statements_reset()');
      return { transactions: await transactions() };
    },
    /** Statements (by query, most called first) and transactions since `begin`. */
    async since(start) {
      const now = await transactions();
      return {
        statements: await statements(),
        committed: now.committed - start.transactions.committed,
        rolledBack: now.rolledBack - start.transactions.rolledBack,
      };
    },
    close: () => client.end(),
  };
}
