import { serviceAdapter, organisationIdOf, runTransaction, type Tenant, type TransactionOptions, type Transactions } from '@mediation/platform';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type ReportingTx = Prisma.TransactionClient;
export const REPORTING_SCHEMA = 'reporting';

/** The only door to the reporting schema; repositories take it, or a transaction from it.
 * It connects as the application role, so row-level security applies to it. */
export class ReportingDatabase extends PrismaClient implements Transactions<ReportingTx> {
  constructor(url: string) {
    super({ adapter: serviceAdapter(url) });
  }

  run<T>(work: (tx: ReportingTx) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return runTransaction<ReportingTx, T>(this, work, options);
  }

  forTenant<T>(tenant: Tenant, work: (tx: ReportingTx) => Promise<T>): Promise<T> {
    return this.run(work, { organisationId: organisationIdOf(tenant) });
  }
}
