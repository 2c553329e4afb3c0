import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import type { NotifyTx } from '../database/notify.database';
import { DeliveryRetentionRepository, type AnonymisedDeliveries, type DeliveriesOf } from './delivery-retention.repository';

/**
 * A case casework anonymised, or a referral intake anonymised (its acknowledgement to the referrer):
 * its emails here lose their addresses and words too, and any not yet sent is cancelled.
 */
@Injectable()
export class AnonymiseDeliveriesUseCase {
  private readonly logger = new Logger('AnonymiseDeliveries');

  constructor(
    private readonly retention: DeliveryRetentionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tx: NotifyTx, organisationId: string, of: DeliveriesOf): Promise<AnonymisedDeliveries> {
    const result = await this.retention.anonymise(tx, organisationId, of, this.clock.now());
    if (result.anonymised > 0) this.logger.log({ ...of, ...result }, 'anonymised the deliveries of an anonymised case or referral');
    return result;
  }
}
