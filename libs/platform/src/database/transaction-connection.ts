import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool, type PoolClient } from 'pg';
import { isStalePreparedStatement } from './stale-prepared-statement';

/**
 * The hot path's statements skip Prisma's client: on this kind of machine each raw statement sent through
 * it costs about 190 µs of CPU more than the same statement on the transaction's own pg connection
 * (`npm run bench` counts 50-70 statements per referral). Prisma still owns the transaction (BEGIN,
 * COMMIT, its model queries); `leanSql(tx)` runs a statement on the connection Prisma opened it on.
 */

/** What runTransaction is opening: the connection the pool hands out for it is kept here. */
interface Opening {
  connection?: PoolClient;
}

const opening = new AsyncLocalStorage<Opening>();
const connections = new WeakMap<object, PoolClient>();

/**
 * A service's pool: a connection checked out while runTransaction opens a transaction is the one Prisma's
 * adapter runs BEGIN on (the adapter's `startTransaction` is the only caller of `connect()` without a
 * callback; its single queries use `query`), so it is the transaction's.
 */
class TransactionConnectionPool extends Pool {
  override connect(): Promise<PoolClient>;
  override connect(callback: (err: Error | undefined, client: PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(callback?: (err: Error | undefined, client: PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<PoolClient> | void {
    if (callback) return super.connect(callback);
    const wanted = opening.getStore();
    return super.connect().then((connection) => {
      if (wanted && !wanted.connection) wanted.connection = connection;
      return connection;
    });
  }
}

/** The pool of each adapter serviceAdapter made, and of each client made with one and named to `leanStatements`. */
const pools = new WeakMap<object, Pool>();

/** The Prisma adapter of a service: its pool logs in as the application role (checked at boot) and is ended with the client. */
export function serviceAdapter(connectionString: string, max = 10): PrismaPg {
  const pool = new TransactionConnectionPool({ connectionString, max });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  pools.set(adapter, pool);
  return adapter;
}

/**
 * Lets `leanSql(client)` run a statement outside any transaction straight on the pool of the adapter the client
 * was made with (a statement is then its own transaction), as it does inside one on the transaction's connection.
 */
export function leanStatements(client: object, adapter: PrismaPg): void {
  const pool = pools.get(adapter);
  if (pool) pools.set(client, pool);
}

/** Transactions being opened now: the storage is enabled only while there are some. */
let openings = 0;

/**
 * Runs `open` (a Prisma `$transaction` call) so that the connection it checks out can be found again from its
 * transaction client: `open` gets `bind(tx)` to call first in its callback, and `unbind(tx)` for when its work is
 * done (the connection goes back to the pool at COMMIT, and must not be reachable from `tx` after).
 * On Node 20 an enabled AsyncLocalStorage puts a hook on every promise and async resource of the process (about
 * 2% of each service's CPU under load), so it is disabled whenever no transaction is opening: the opening itself is
 * a few hundred microseconds of a transaction's life. A transaction whose connection was not found (none can be
 * lost this way, as the storage stays on while any opening is under way) would still run its statements through Prisma.
 */
export function openingTransaction<T>(open: (bind: (tx: object) => void, unbind: (tx: object) => void) => Promise<T>): Promise<T> {
  const store: Opening = {};
  let opened = false;
  const openingOver = () => {
    if (opened) return;
    opened = true;
    openings -= 1;
    if (openings === 0) opening.disable();
  };
  openings += 1;
  let running: Promise<T>;
  try {
    running = opening.run(store, () =>
      open(
        (tx) => {
          openingOver();
          if (store.connection) connections.set(tx, store.connection);
        },
        (tx) => connections.delete(tx),
      ),
    );
  } catch (error) {
    openingOver();
    throw error;
  }
  return running.finally(openingOver);
}

/** A statement's values as pg sends them; a Date goes as its instant in UTC whatever the process's time zone (as Prisma sends it). */
function pgValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(pgValue);
  return value;
}

/** Whether leanSql names its statements (DATABASE_PREPARED_STATEMENTS, applied at boot by loadServiceConfig). */
let prepared = true;
/** The name each statement's text is prepared under, per process; the same on every connection. */
const names = new Map<string, string>();
let renames = 0;
/** Past this many texts (a statement built per call would make a new one each time) the rest run unnamed. */
const MAX_NAMED = 200;

/**
 * Makes leanSql's statements named prepared statements (the default) or not. PostgreSQL then parses and plans each
 * once per connection instead of on every run: for the hot path's CTE statements that was about half of the server's
 * CPU per statement on this machine (an inbox claim: 197 µs unnamed, 104 µs named).
 */
export function preparedStatements(enabled: boolean): void {
  prepared = enabled;
}

/** A statement for pg's `query`, named as leanSql names it (a relay's own connection runs its reads so). */
export function queryOf(text: string, values: unknown[]): { name?: string; text: string; values: unknown[] } {
  if (!prepared) return { text, values: values.map(pgValue) };
  let name = names.get(text);
  if (!name) {
    if (names.size >= MAX_NAMED) return { text, values: values.map(pgValue) };
    names.set(text, (name = `lean_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`));
  }
  return { name, text, values: values.map(pgValue) };
}

/**
 * A prepared statement whose result columns changed under it (a migration altered a table its `*` reads) fails every
 * run with 0A000 from then on: the next run prepares it afresh under another name, and this error goes to the caller to retry.
 */
function replanned(text: string, error: unknown): never {
  const name = names.get(text);
  if (name && isStalePreparedStatement(error)) names.set(text, `${name.split('~')[0]}~${(renames += 1)}`);
  throw error;
}

/** Statements on a transaction's own connection. Cast what you select (`::text`, `::int`): pg answers int8 and numeric as strings where Prisma gives BigInt and Decimal. */
export interface LeanSql {
  rows<T>(text: string, ...values: unknown[]): Promise<T[]>;
  /** The number of rows the statement changed. */
  count(text: string, ...values: unknown[]): Promise<number>;
}

interface RawClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/**
 * The transaction's own connection when runTransaction opened `tx` on a service pool, the pool itself for a
 * service's client named to `leanStatements`; otherwise (another client, a test's transaction) the same statements through `tx` itself, which gives the same answers for
 * statements whose selected columns are cast to text, int4, bool, uuid or json.
 */
export function leanSql(tx: RawClient): LeanSql {
  const connection = connections.get(tx) ?? pools.get(tx);
  if (!connection) {
    return {
      rows: (text, ...values) => tx.$queryRawUnsafe(text, ...values),
      count: (text, ...values) => tx.$executeRawUnsafe(text, ...values),
    };
  }
  return {
    rows: async <T>(text: string, ...values: unknown[]) =>
      (await connection.query(queryOf(text, values)).catch((e: unknown) => replanned(text, e))).rows as T[],
    count: async (text, ...values) => (await connection.query(queryOf(text, values)).catch((e: unknown) => replanned(text, e))).rowCount ?? 0,
  };
}
