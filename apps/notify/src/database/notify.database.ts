import { leanStatements, serviceAdapter, organisationIdOf, runTransaction, type Tenant, type TransactionOptions, type Transactions } from '@mediation/platform';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type NotifyTx = Prisma.TransactionClient;
export const NOTIFY_SCHEMA = 'notify';

/** The only door to the notify schema; repositories take it, or a transaction from it.
 * It connects as the application role, so row-level security applies to it. */
export class NotifyDatabase extends PrismaClient implements Transactions<NotifyTx> {
  constructor(url: string) {
    const adapter = serviceAdapter(url);
    super({ adapter });
    // A delivery is read before its send and marked sent after it by single statements, no transaction around them.
    leanStatements(this, adapter);
  }

  run<T>(work: (tx: NotifyTx) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return runTransaction<NotifyTx, T>(this, work, options);
  }

  forTenant<T>(tenant: Tenant, work: (tx: NotifyTx) => Promise<T>): Promise<T> {
    return this.run(work, { organisationId: organisationIdOf(tenant) });
  }
}
