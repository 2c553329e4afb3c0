import { serviceAdapter, organisationIdOf, runTransaction, type Tenant, type TransactionOptions, type Transactions } from '@mediation/platform';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type CaseworkTx = Prisma.TransactionClient;
export const CASEWORK_SCHEMA = 'casework';

/** The only door to the casework schema; repositories take it, or a transaction from it.
 * It connects as the application role, so row-level security applies to it. */
export class CaseworkDatabase extends PrismaClient implements Transactions<CaseworkTx> {
  constructor(url: string) {
    super({ adapter: serviceAdapter(url) });
  }

  run<T>(work: (tx: CaseworkTx) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return runTransaction<CaseworkTx, T>(this, work, options);
  }

  forTenant<T>(tenant: Tenant, work: (tx: CaseworkTx) => Promise<T>): Promise<T> {
    return this.run(work, { organisationId: organisationIdOf(tenant) });
  }
}
