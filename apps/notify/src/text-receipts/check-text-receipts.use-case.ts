import { Injectable, Logger, Optional } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock, TenantDirectory } from '@mediation/platform';
import { DeliveryReceiptV1 } from '@mediation/protocol';
import { NotifyDatabase } from '../database/notify.database';
import { TextMessenger } from '../texts/text-messenger';
import { TextReceiptRepository } from './text-receipt.repository';

const BATCH = 200;
/** Providers report within hours; a text with no final status after three days is not asked about again. */
const HORIZON_MS = 3 * 24 * 3600 * 1000;

/**
 * Asks the text provider, one organisation at a time, for the receipts of texts it took and has not
 * reported on; a final status is recorded on the delivery and published (`notify.delivery.receipt.v1`)
 * in one transaction, once, for casework's communications log.
 */
@Injectable()
export class CheckTextReceiptsUseCase {
  private readonly logger = new Logger(CheckTextReceiptsUseCase.name);

  constructor(
    private readonly tenants: TenantDirectory,
    private readonly db: NotifyDatabase,
    private readonly receipts: TextReceiptRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    @Optional() private readonly texts?: TextMessenger,
  ) {}

  async execute(): Promise<number> {
    if (!this.texts) return 0;
    let recorded = 0;
    const since = new Date(this.clock.now().getTime() - HORIZON_MS);
    for (const organisationId of await this.tenants.organisationIds()) {
      const awaiting = await this.db.forTenant(organisationId, (tx) => this.receipts.awaiting(tx, organisationId, since, BATCH));
      for (const text of awaiting) {
        const receipt = await this.texts.receipt(text.providerId!).catch((error: Error) => {
          this.logger.warn(`text ${text.id}: no receipt yet (${error.message})`);
          return null;
        });
        if (!receipt) continue;
        const receivedAt = this.clock.now();
        await this.db.forTenant(organisationId, async (tx) => {
          const row = await this.receipts.record(tx, organisationId, text.id, receipt.status, receivedAt);
          if (!row) return;
          await this.events.append(tx, {
            definition: DeliveryReceiptV1,
            data: {
              deliveryId: row.id,
              ...(row.caseId ? { caseId: row.caseId } : {}),
              channel: 'sms',
              kind: row.kind,
              outcome: receipt.delivered ? 'delivered' : 'not-delivered',
              providerStatus: receipt.status,
              receivedAt: receivedAt.toISOString(),
            },
            subject: row.id,
            organisationId,
            sequence: row.version,
            correlationId: row.correlationId,
            causationId: row.sourceEventId,
          });
          recorded += 1;
        });
      }
    }
    return recorded;
  }
}
