import { serviceAdapter, organisationIdOf, runTransaction, type Tenant, type TransactionOptions, type Transactions } from '@mediation/platform';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type WebhooksTx = Prisma.TransactionClient;
export const WEBHOOKS_SCHEMA = 'webhooks';

/** The only door to the webhooks schema; repositories take it, or a transaction from it.
 * It connects as the application role, so row-level security applies to it. */
export class WebhooksDatabase extends PrismaClient implements Transactions<WebhooksTx> {
  constructor(url: string) {
    super({ adapter: serviceAdapter(url) });
  }

  run<T>(work: (tx: WebhooksTx) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return runTransaction<WebhooksTx, T>(this, work, options);
  }

  forTenant<T>(tenant: Tenant, work: (tx: WebhooksTx) => Promise<T>): Promise<T> {
    return this.run(work, { organisationId: organisationIdOf(tenant) });
  }
}
