import { serviceAdapter, organisationIdOf, runTransaction, type Tenant, type TransactionOptions, type Transactions } from '@mediation/platform';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type SchedulingTx = Prisma.TransactionClient;
export const SCHEDULING_SCHEMA = 'scheduling';

/** The only door to the scheduling schema; repositories take it, or a transaction from it.
 * It connects as the application role, so row-level security applies to it. */
export class SchedulingDatabase extends PrismaClient implements Transactions<SchedulingTx> {
  constructor(url: string) {
    super({ adapter: serviceAdapter(url) });
  }

  run<T>(work: (tx: SchedulingTx) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return runTransaction<SchedulingTx, T>(this, work, options);
  }

  forTenant<T>(tenant: Tenant, work: (tx: SchedulingTx) => Promise<T>): Promise<T> {
    return this.run(work, { organisationId: organisationIdOf(tenant) });
  }
}
