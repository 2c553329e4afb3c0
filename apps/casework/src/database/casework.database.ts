import type { Transactions } from '@mediation/platform';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type CaseworkTx = Prisma.TransactionClient;
export const CASEWORK_SCHEMA = 'casework';

/** The only door to the casework schema; repositories take it, or a transaction from it. */
export class CaseworkDatabase extends PrismaClient implements Transactions<CaseworkTx> {
  constructor(url: string) {
    super({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  }

  run<T>(work: (tx: CaseworkTx) => Promise<T>): Promise<T> {
    return this.$transaction(work, { maxWait: 5_000, timeout: 15_000 });
  }
}
