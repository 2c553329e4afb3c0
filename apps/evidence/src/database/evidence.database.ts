import { serviceAdapter, organisationIdOf, runTransaction, type Tenant, type TransactionOptions, type Transactions } from '@mediation/platform';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type EvidenceTx = Prisma.TransactionClient;
export const EVIDENCE_SCHEMA = 'evidence';

/** The only door to the evidence schema; repositories take it, or a transaction from it.
 * It connects as the application role, so row-level security applies to it. */
export class EvidenceDatabase extends PrismaClient implements Transactions<EvidenceTx> {
  constructor(url: string) {
    super({ adapter: serviceAdapter(url) });
  }

  run<T>(work: (tx: EvidenceTx) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return runTransaction<EvidenceTx, T>(this, work, options);
  }

  forTenant<T>(tenant: Tenant, work: (tx: EvidenceTx) => Promise<T>): Promise<T> {
    return this.run(work, { organisationId: organisationIdOf(tenant) });
  }
}
