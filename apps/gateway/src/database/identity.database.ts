import { serviceAdapter, organisationIdOf, runTransaction, type Tenant, type TransactionOptions, type Transactions } from '@mediation/platform';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type IdentityTx = Prisma.TransactionClient;
export const IDENTITY_SCHEMA = 'identity';

/** The only door to the identity schema; repositories take it, or a transaction from it.
 * It connects as the application role, so row-level security applies to it. */
export class IdentityDatabase extends PrismaClient implements Transactions<IdentityTx> {
  constructor(url: string) {
    super({ adapter: serviceAdapter(url) });
  }

  run<T>(work: (tx: IdentityTx) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return runTransaction<IdentityTx, T>(this, work, options);
  }

  forTenant<T>(tenant: Tenant, work: (tx: IdentityTx) => Promise<T>): Promise<T> {
    return this.run(work, { organisationId: organisationIdOf(tenant) });
  }
}
