import { serviceAdapter, organisationIdOf, runTransaction, type Tenant, type TransactionOptions, type Transactions } from '@mediation/platform';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type BillingTx = Prisma.TransactionClient;
export const BILLING_SCHEMA = 'billing';

/** The only door to the billing schema; repositories take it, or a transaction from it.
 * It connects as the application role, so row-level security applies to it. */
export class BillingDatabase extends PrismaClient implements Transactions<BillingTx> {
  constructor(url: string) {
    super({ adapter: serviceAdapter(url) });
  }

  run<T>(work: (tx: BillingTx) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return runTransaction<BillingTx, T>(this, work, options);
  }

  forTenant<T>(tenant: Tenant, work: (tx: BillingTx) => Promise<T>): Promise<T> {
    return this.run(work, { organisationId: organisationIdOf(tenant) });
  }
}
