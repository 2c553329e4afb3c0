/** The part of a Prisma transaction client the outbox and inbox need; every service's client has it. */
export interface SqlTx {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  /** The inbox's multi-row insert reads back which events were new. */
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

import type { TransactionOptions } from './tenant-transaction';

/** Runs work in one database transaction; each service binds it to its own Prisma client. */
export abstract class Transactions<Tx extends SqlTx = SqlTx> {
  abstract run<T>(work: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

/** Work on the caller's transaction, or on one of its own for the tenant: behind the wall a query needs one either way. */
export function inTenant<Tx extends SqlTx, T>(db: Transactions<Tx>, organisationId: string, tx: Tx | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
  return tx ? work(tx) : db.run(work, { organisationId });
}
