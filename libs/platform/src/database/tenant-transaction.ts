import { bindTraceContext } from '../tracing/tracing';
import { leanSql, openingTransaction } from './transaction-connection';
import type { SqlTx } from './transactions';

/**
 * Services log in as this role (or as a login that is a member of it and of nothing else): it owns no
 * table, so PostgreSQL's row-level security applies to it, it cannot change the schema, and there is
 * no more powerful role it could `SET ROLE` to. Migrations run as the owner (MIGRATION_DATABASE_URL).
 */
export const APP_ROLE = 'mediation_app';

/** The setting row-level security policies compare `organisation_id` with. */
export const TENANT_SETTING = 'app.organisation_id';

export interface TransactionOptions {
  /** Sets the tenant for row-level security for the whole transaction. */
  organisationId?: string;
  /**
   * Transaction-local settings a lookup policy compares with a credential the caller presented
   * (`app.api_key_id`, `app.survey_token_sha256`, …): how a credential finds its own row, and so its
   * tenant, before the tenant is known.
   */
  presented?: Record<`app.${string}`, string>;
  /**
   * The work's first statement sets the tenant itself (with `tenantSettingCte`), saving the round trip of
   * a statement of its own; for the inbox, whose every transaction starts with the same insert.
   */
  tenantSetByWork?: boolean;
}

/** A CTE that sets the transaction's tenant, for a statement that joins it (`FROM …, tenant`): `$n` is the organisation id. */
export function tenantSettingCte(parameter: number): string {
  return `tenant AS (SELECT set_config('${TENANT_SETTING}', $${parameter}, true) AS organisation_id)`;
}

/**
 * A transaction's first statement that sets its tenant and then reads or changes rows of a protected table: `work` (a SELECT,
 * or an UPDATE … RETURNING; `$n` is the organisation id) answers its rows once the tenant is set. A plain join with the tenant
 * CTE does not do: the planner may scan the table first, when row-level security shows it nothing. Here `work` is read in a
 * lateral subquery that names the tenant row (OFFSET 0 keeps it from being flattened), so it runs only once that row is read.
 * Run on its own, outside a transaction, the statement is its own transaction: the tenant it sets lasts it alone.
 */
export function tenantFirst(work: string, parameter: number): string {
  return `WITH ${tenantSettingCte(parameter)}, work AS (${work})
    SELECT work.* FROM tenant CROSS JOIN LATERAL (SELECT * FROM work WHERE tenant.organisation_id IS NOT NULL OFFSET 0) AS work`;
}

interface TransactionalClient<Tx> {
  $transaction<T>(work: (tx: Tx) => Promise<T>, options: { maxWait: number; timeout: number }): Promise<T>;
}

/** Actions to run once a transaction opened by runTransaction has committed, by its transaction client. */
const commitActions = new WeakMap<object, (() => void)[]>();
/** Work to do last inside a transaction opened by runTransaction, after the caller's work, before COMMIT. */
const closingActions = new WeakMap<object, (() => Promise<void>)[]>();

/**
 * Runs `action` inside the transaction `tx` once the caller's work is done, just before it commits
 * (an error in it rolls everything back). False when `tx` was not opened by runTransaction, so the
 * caller does the work at once instead (e.g. the outbox writes each event as it is appended).
 */
export function beforeCommit(tx: object, action: () => Promise<void>): boolean {
  const actions = closingActions.get(tx);
  actions?.push(action);
  return actions !== undefined;
}

/**
 * Rows a transaction adds one by one and writes together just before it commits: `add` queues them and,
 * for the transaction's first, asks `beforeCommit` to call `write` with all of them. False when `tx` was not
 * opened by runTransaction: nothing was queued and the caller writes the rows at once.
 */
export class WrittenBeforeCommit<T> {
  private readonly pending = new WeakMap<object, T[]>();

  constructor(private readonly write: (tx: object, rows: T[]) => Promise<void>) {}

  /** Whether rows of `tx` wait to be written. */
  has(tx: object): boolean {
    return this.pending.has(tx);
  }

  add(tx: object, rows: T[]): boolean {
    const pending = this.pending.get(tx);
    if (pending) {
      pending.push(...rows);
      return true;
    }
    const queued = [...rows];
    const deferred = beforeCommit(tx, () => {
      this.pending.delete(tx);
      return this.write(tx, queued);
    });
    if (deferred) this.pending.set(tx, queued);
    return deferred;
  }
}

/**
 * Runs `action` once the transaction `tx` commits (never if it rolls back). False when `tx` was not
 * opened by runTransaction, so the caller knows to do without (e.g. the outbox falls back to NOTIFY).
 */
export function onCommit(tx: object, action: () => void): boolean {
  const actions = commitActions.get(tx);
  // Bound to the span active now, so what runs after the commit (a job, a wake-up) stays in the request's trace.
  actions?.push(bindTraceContext(action));
  return actions !== undefined;
}

/** One transaction, with the tenant set first when given; without it, protected tables show nothing. */
export async function runTransaction<Tx extends SqlTx, T>(
  client: TransactionalClient<Tx>,
  work: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const committed: (() => void)[] = [];
  const result = await openingTransaction((bind, unbind) =>
    client.$transaction(
      async (tx) => {
        bind(tx);
        commitActions.set(tx, committed);
        const closing: (() => Promise<void>)[] = [];
        closingActions.set(tx, closing);
        try {
          const settings = transactionSettings(options.tenantSetByWork ? { ...options, organisationId: undefined } : options);
          if (settings) await leanSql(tx).count(settings.sql, ...settings.values);
          const result = await work(tx);
          // In order, including any an action adds; none may be added once the transaction is over.
          for (let i = 0; i < closing.length; i++) await closing[i]();
          return result;
        } finally {
          closingActions.delete(tx);
          unbind(tx);
        }
      },
      { maxWait: 5_000, timeout: 15_000 },
    ),
  );
  for (const action of committed) {
    try {
      action();
    } catch {
      // Best effort by contract: an action must not turn a committed transaction into an error.
    }
  }
  return result;
}

/** Every setting of a transaction in one statement: one round trip however many the caller presents. */
export function transactionSettings(options: TransactionOptions): { sql: string; values: string[] } | null {
  const pairs: [string, string][] = [
    ...(options.organisationId ? [[TENANT_SETTING, options.organisationId] as [string, string]] : []),
    ...Object.entries(options.presented ?? {}),
  ];
  if (pairs.length === 0) return null;
  const calls = pairs.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`);
  return { sql: `SELECT ${calls.join(', ')}`, values: pairs.flat() };
}
