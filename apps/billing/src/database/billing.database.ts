import type { Transactions } from '@mediation/platform';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type BillingTx = Prisma.TransactionClient;
export const BILLING_SCHEMA = 'billing';

/** The only door to the billing schema; repositories take it, or a transaction from it. */
export class BillingDatabase extends PrismaClient implements Transactions<BillingTx> {
  constructor(url: string) {
    super({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  }

  run<T>(work: (tx: BillingTx) => Promise<T>): Promise<T> {
    return this.$transaction(work, { maxWait: 5_000, timeout: 15_000 });
  }
}
