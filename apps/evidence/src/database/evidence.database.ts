import type { Transactions } from '@mediation/platform';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type EvidenceTx = Prisma.TransactionClient;
export const EVIDENCE_SCHEMA = 'evidence';

/** The only door to the evidence schema; repositories take it, or a transaction from it. */
export class EvidenceDatabase extends PrismaClient implements Transactions<EvidenceTx> {
  constructor(url: string) {
    super({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  }

  run<T>(work: (tx: EvidenceTx) => Promise<T>): Promise<T> {
    return this.$transaction(work, { maxWait: 5_000, timeout: 15_000 });
  }
}
