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
