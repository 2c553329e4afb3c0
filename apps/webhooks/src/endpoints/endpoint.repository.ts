import { Injectable } from '@nestjs/common';
import { type ColumnsOf, leanSql, selectAs } from '@mediation/platform';
import { WebhooksDatabase, type WebhooksTx } from '../database/webhooks.database';
import type { Endpoint, Prisma } from '../generated/prisma/client';

export type EndpointRow = Endpoint;

/** The column of each field of an endpoint (every field: the compiler says when the model grows one). */
const ENDPOINT_COLUMNS: ColumnsOf<EndpointRow> = {
  id: 'id',
  organisationId: 'organisation_id',
  url: 'url',
  eventTypes: 'event_types',
  contractId: 'contract_id',
  description: 'description',
  status: 'status',
  disabledReason: 'disabled_reason',
  disabledAt: 'disabled_at',
  secret: 'secret',
  previousSecret: 'previous_secret',
  previousSecretExpiresAt: 'previous_secret_expires_at',
  failingSince: 'failing_since',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};
const ENDPOINT_SELECT = selectAs(ENDPOINT_COLUMNS);

/** The only code that reads and writes endpoints. */
@Injectable()
export class EndpointRepository {
  private readonly activeByTransaction = new WeakMap<object, Map<string, Promise<EndpointRow[]>>>();

  constructor(private readonly db: WebhooksDatabase) {}

  create(organisationId: string, data: Omit<Prisma.EndpointUncheckedCreateInput, 'organisationId'>): Promise<EndpointRow> {
    return this.db.forTenant(organisationId, (tx) => tx.endpoint.create({ data: { ...data, organisationId } }));
  }

  list(organisationId: string): Promise<EndpointRow[]> {
    return this.db.forTenant(organisationId, (tx) => tx.endpoint.findMany({ where: { organisationId }, orderBy: { createdAt: 'desc' } }));
  }

  find(organisationId: string, id: string): Promise<EndpointRow | null> {
    return this.db.forTenant(organisationId, (tx) => tx.endpoint.findFirst({ where: { organisationId, id } }));
  }

  update(organisationId: string, id: string, data: Prisma.EndpointUncheckedUpdateInput): Promise<EndpointRow | null> {
    return this.db.forTenant(organisationId, async (tx) => {
      const { count } = await tx.endpoint.updateMany({ where: { organisationId, id }, data: { ...data, updatedAt: new Date() } });
      return count === 0 ? null : tx.endpoint.findFirst({ where: { organisationId, id } });
    });
  }

  delete(organisationId: string, id: string): Promise<boolean> {
    return this.db.forTenant(organisationId, async (tx) => (await tx.endpoint.deleteMany({ where: { organisationId, id } })).count > 0);
  }

  /** The active endpoints an event could go to, inside the consumer's transaction: those of its contract or of every contract. */
  /** The organisation's active endpoints for a contract (or for every contract); read once per transaction, which a consumed batch shares. */
  async activeFor(tx: WebhooksTx, organisationId: string, contractId: string | undefined): Promise<EndpointRow[]> {
    let read = this.activeByTransaction.get(tx);
    if (!read) this.activeByTransaction.set(tx, (read = new Map()));
    let active = read.get(organisationId);
    // On the transaction's connection: every consumed batch reads them.
    if (!active) {
      active = leanSql(tx).rows<EndpointRow>(
        `SELECT ${ENDPOINT_SELECT} FROM webhooks.endpoint WHERE organisation_id = $1::uuid AND status = 'active'`,
        organisationId,
      );
      read.set(organisationId, active);
    }
    return (await active).filter((endpoint) => endpoint.contractId === null || endpoint.contractId === contractId);
  }

  /** A delivery failed: the endpoint has been failing since its first failure after its last success. */
  async markFailing(organisationId: string, id: string, at: Date): Promise<EndpointRow | null> {
    return this.db.forTenant(organisationId, async (tx) => {
      await tx.endpoint.updateMany({ where: { organisationId, id, failingSince: null }, data: { failingSince: at } });
      return tx.endpoint.findFirst({ where: { organisationId, id } });
    });
  }

  async markHealthy(organisationId: string, id: string): Promise<void> {
    await this.db.forTenant(organisationId, (tx) =>
      tx.endpoint.updateMany({ where: { organisationId, id, NOT: { failingSince: null } }, data: { failingSince: null } }),
    );
  }

  /**
   * Disables an active endpoint; false when it was disabled already (or gone), so a caller acts once. `alsoInTx`
   * runs in the same transaction only when this call disabled it (the event that tells the organisation's admins).
   */
  async disable(
    organisationId: string,
    id: string,
    reason: 'manual' | 'gone' | 'failing',
    at: Date,
    alsoInTx?: (tx: WebhooksTx, endpoint: EndpointRow) => Promise<unknown>,
  ): Promise<boolean> {
    return this.db.forTenant(organisationId, async (tx) => {
      const { count } = await tx.endpoint.updateMany({
        where: { organisationId, id, status: 'active' },
        data: { status: 'disabled', disabledReason: reason, disabledAt: at, updatedAt: at },
      });
      if (count > 0 && alsoInTx) await alsoInTx(tx, (await tx.endpoint.findFirst({ where: { organisationId, id } }))!);
      return count > 0;
    });
  }
}
