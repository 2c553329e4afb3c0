import { Logger } from '@nestjs/common';
import type { Transactions } from '@mediation/platform';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type NotifyTx = Prisma.TransactionClient;
export const NOTIFY_SCHEMA = 'notify';

type AfterCommit = () => Promise<void>;

/** The only door to the notify schema; repositories take it, or a transaction from it. */
export class NotifyDatabase extends PrismaClient implements Transactions<NotifyTx> {
  private readonly logger = new Logger('NotifyDatabase');
  private readonly afterCommits = new WeakMap<NotifyTx, AfterCommit[]>();

  constructor(url: string) {
    super({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  }

  /** Also the event consumers' transaction, so work registered with afterCommit runs once theirs commits. */
  async run<T>(work: (tx: NotifyTx) => Promise<T>): Promise<T> {
    const callbacks: AfterCommit[] = [];
    const result = await this.$transaction(
      (tx) => {
        this.afterCommits.set(tx, callbacks);
        return work(tx);
      },
      { maxWait: 5_000, timeout: 15_000 },
    );
    // Not awaited: the caller has committed and must not wait on, or fail with, a follow-up.
    for (const callback of callbacks) void callback().catch((error) => this.logger.warn(`after-commit work failed: ${(error as Error).message}`));
    return result;
  }

  /** Runs `callback` only if and after `tx` commits; nothing runs on rollback. Best effort: a crash in between loses it. */
  afterCommit(tx: NotifyTx, callback: AfterCommit): void {
    const callbacks = this.afterCommits.get(tx);
    if (!callbacks) throw new Error('afterCommit needs a transaction opened by NotifyDatabase.run');
    callbacks.push(callback);
  }
}
