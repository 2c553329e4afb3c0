import type { Transactions } from '@mediation/platform';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type ReportingTx = Prisma.TransactionClient;
export const REPORTING_SCHEMA = 'reporting';

/** The only door to the reporting schema; repositories take it, or a transaction from it. */
export class ReportingDatabase extends PrismaClient implements Transactions<ReportingTx> {
  constructor(url: string) {
    super({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  }

  run<T>(work: (tx: ReportingTx) => Promise<T>): Promise<T> {
    return this.$transaction(work, { maxWait: 5_000, timeout: 15_000 });
  }
}
