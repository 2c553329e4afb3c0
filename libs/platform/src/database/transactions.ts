/** The part of a Prisma transaction client the outbox and inbox need; every service's client has it. */
export interface SqlTx {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  /** The inbox's multi-row insert reads back which events were new. */
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

import type { TransactionOptions } from './tenant-transaction';

/** Whose data a transaction works on: an organisation's id, or whatever carries one (an RPC request's meta, a job, a row). */
export type Tenant = string | { readonly organisationId: string };

export function organisationIdOf(tenant: Tenant): string {
  return typeof tenant === 'string' ? tenant : tenant.organisationId;
}

/** Runs work in one database transaction; each service binds it to its own Prisma client. */
export abstract class Transactions<Tx extends SqlTx = SqlTx> {
  abstract run<T>(work: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T>;

  /**
   * One transaction behind the tenant's wall, `db.forTenant(meta, (tx) => …)`: how every use-case and
   * repository works on one organisation's data. `run` is for the rest (a credential finding its own row,
   * work before the tenant is known).
   */
  abstract forTenant<T>(tenant: Tenant, work: (tx: Tx) => Promise<T>): Promise<T>;
}

/** Work on the caller's transaction, or on one of its own for the tenant: behind the wall a query needs one either way. */
export function inTenant<Tx extends SqlTx, T>(db: Transactions<Tx>, tenant: Tenant, tx: Tx | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
  return tx ? work(tx) : db.forTenant(tenant, work);
}
