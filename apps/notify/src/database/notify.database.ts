import type { Transactions } from '@mediation/platform';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type NotifyTx = Prisma.TransactionClient;
export const NOTIFY_SCHEMA = 'notify';

/** The only door to the notify schema; repositories take it, or a transaction from it. */
export class NotifyDatabase extends PrismaClient implements Transactions<NotifyTx> {
  constructor(url: string) {
    super({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  }

  run<T>(work: (tx: NotifyTx) => Promise<T>): Promise<T> {
    return this.$transaction(work, { maxWait: 5_000, timeout: 15_000 });
  }
}
