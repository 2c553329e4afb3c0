import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import type { NotifyTx } from '../database/notify.database';
import { DeliveryRetentionRepository, type AnonymisedDeliveries } from './delivery-retention.repository';

/** A case casework anonymised: its emails here lose their addresses and words too, and any not yet sent is cancelled. */
@Injectable()
export class AnonymiseCaseDeliveriesUseCase {
  private readonly logger = new Logger('AnonymiseCaseDeliveries');

  constructor(
    private readonly retention: DeliveryRetentionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tx: NotifyTx, organisationId: string, caseId: string): Promise<AnonymisedDeliveries> {
    const result = await this.retention.anonymise(tx, organisationId, { caseId }, this.clock.now());
    if (result.anonymised > 0) this.logger.log({ caseId, ...result }, 'anonymised the deliveries of an anonymised case');
    return result;
  }
}
