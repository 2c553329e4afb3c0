import { organisationIdOf, TENANT_SETTING, type SqlTx, type Tenant, type TransactionOptions, type Transactions } from '@mediation/platform';
import type { ClientBase, Pool } from 'pg';

/** What the outbox, the inbox and plain-SQL repositories see of a transaction, over a `pg` connection already in one. */
export function pgTx(client: ClientBase): SqlTx {
  return {
    $executeRawUnsafe: async (query, ...values) => (await client.query(query, values)).rowCount ?? 0,
    $queryRawUnsafe: async <R>(query: string, ...values: unknown[]) => (await client.query(query, values)).rows as R,
  };
}

/** Transactions over plain `pg` (as the application login when the pool's URL is it), the tenant set as the services set it. */
export class PgTransactions implements Transactions {
  commits = 0;

  constructor(private readonly pool: Pool) {}

  forTenant<T>(tenant: Tenant, work: (tx: SqlTx) => Promise<T>): Promise<T> {
    return this.run(work, { organisationId: organisationIdOf(tenant) });
  }

  async run<T>(work: (tx: SqlTx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      if (options.organisationId && !options.tenantSetByWork) await client.query(`SELECT set_config('${TENANT_SETTING}', $1, true)`, [options.organisationId]);
      const result = await work(pgTx(client));
      await client.query('COMMIT');
      this.commits += 1;
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
