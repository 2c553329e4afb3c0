import { Inject, Injectable } from '@nestjs/common';
import { Clock, TenantDirectory } from '@mediation/platform';
import { bodyRetentionCutoff } from './body-retention';
import { DeliveryRetentionRepository } from './delivery-retention.repository';

export const DELIVERY_RETENTION_OPTIONS = Symbol('DELIVERY_RETENTION_OPTIONS');

export interface DeliveryRetentionOptions {
  /** DELIVERY_BODY_RETENTION_DAYS. */
  bodyRetentionDays: number;
}

/** Small transactions, so a long backlog never holds locks the senders wait on. */
export const CLEAR_BATCH = 500;

/**
 * The backstop behind case and referral anonymisation: a delivery with neither (an accreditation-expiry
 * warning, a staff reminder) keeps its address, subject and body only for the retention days after it
 * was sent or given up. One organisation at a time (deliveries sit behind the tenant wall), in batches
 * until none are left; returns how many were cleared.
 */
@Injectable()
export class ClearOldDeliveryBodiesUseCase {
  constructor(
    private readonly tenants: TenantDirectory,
    private readonly retention: DeliveryRetentionRepository,
    private readonly clock: Clock,
    @Inject(DELIVERY_RETENTION_OPTIONS) private readonly options: DeliveryRetentionOptions,
  ) {}

  async execute(batch = CLEAR_BATCH): Promise<{ cleared: number; batches: number; cutoff: string }> {
    const now = this.clock.now();
    const cutoff = bodyRetentionCutoff(now, this.options.bodyRetentionDays);
    let cleared = 0;
    let batches = 0;
    for (const organisationId of await this.tenants.organisationIds()) {
      for (;;) {
        const count = await this.retention.clearOldBodies(organisationId, cutoff, now, batch);
        if (count === 0) break;
        cleared += count;
        batches += 1;
      }
    }
    return { cleared, batches, cutoff: cutoff.toISOString() };
  }
}
