import type { Transactions } from '@mediation/platform';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type IdentityTx = Prisma.TransactionClient;
export const IDENTITY_SCHEMA = 'identity';

/** The only door to the identity schema; repositories take it, or a transaction from it. */
export class IdentityDatabase extends PrismaClient implements Transactions<IdentityTx> {
  constructor(url: string) {
    super({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  }

  run<T>(work: (tx: IdentityTx) => Promise<T>): Promise<T> {
    return this.$transaction(work, { maxWait: 5_000, timeout: 15_000 });
  }
}
