import type { Transactions } from '@mediation/platform';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type SchedulingTx = Prisma.TransactionClient;
export const SCHEDULING_SCHEMA = 'scheduling';

/** The only door to the scheduling schema; repositories take it, or a transaction from it. */
export class SchedulingDatabase extends PrismaClient implements Transactions<SchedulingTx> {
  constructor(url: string) {
    super({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  }

  run<T>(work: (tx: SchedulingTx) => Promise<T>): Promise<T> {
    return this.$transaction(work, { maxWait: 5_000, timeout: 15_000 });
  }
}
