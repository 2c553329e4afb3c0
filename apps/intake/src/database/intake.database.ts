import { serviceAdapter, organisationIdOf, runTransaction, type Tenant, type TransactionOptions, type Transactions } from '@mediation/platform';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type IntakeTx = Prisma.TransactionClient;
export const INTAKE_SCHEMA = 'intake';

/** The only door to the intake schema; repositories take it, or a transaction from it.
 * It connects as the application role, so row-level security applies to it. */
export class IntakeDatabase extends PrismaClient implements Transactions<IntakeTx> {
  constructor(url: string) {
    super({ adapter: serviceAdapter(url) });
  }

  run<T>(work: (tx: IntakeTx) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return runTransaction<IntakeTx, T>(this, work, options);
  }

  forTenant<T>(tenant: Tenant, work: (tx: IntakeTx) => Promise<T>): Promise<T> {
    return this.run(work, { organisationId: organisationIdOf(tenant) });
  }
}
