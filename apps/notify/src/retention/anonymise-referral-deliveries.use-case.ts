import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import type { NotifyTx } from '../database/notify.database';
import { DeliveryRetentionRepository, type AnonymisedDeliveries } from './delivery-retention.repository';

/** A referral intake anonymised: its emails here (the acknowledgement to the referrer) lose their addresses and words too. */
@Injectable()
export class AnonymiseReferralDeliveriesUseCase {
  private readonly logger = new Logger('AnonymiseReferralDeliveries');

  constructor(
    private readonly retention: DeliveryRetentionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tx: NotifyTx, organisationId: string, referralId: string): Promise<AnonymisedDeliveries> {
    const result = await this.retention.anonymise(tx, organisationId, { referralId }, this.clock.now());
    if (result.anonymised > 0) this.logger.log({ referralId, ...result }, 'anonymised the deliveries of an anonymised referral');
    return result;
  }
}
