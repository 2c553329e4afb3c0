import type { Transactions } from '@mediation/platform';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type IntakeTx = Prisma.TransactionClient;
export const INTAKE_SCHEMA = 'intake';

/** The only door to the intake schema; repositories take it, or a transaction from it. */
export class IntakeDatabase extends PrismaClient implements Transactions<IntakeTx> {
  constructor(url: string) {
    super({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  }

  run<T>(work: (tx: IntakeTx) => Promise<T>): Promise<T> {
    return this.$transaction(work, { maxWait: 5_000, timeout: 15_000 });
  }
}
