import { DynamicModule, Module } from '@nestjs/common';
import { AnonymiseDeliveriesUseCase } from './anonymise-deliveries.use-case';
import { CaseAnonymisedHandler, ReferralAnonymisedHandler } from './anonymisation.handlers';
import { ClearOldDeliveryBodiesUseCase, DELIVERY_RETENTION_OPTIONS, type DeliveryRetentionOptions } from './clear-old-delivery-bodies.use-case';
import { DeliveryRetentionProcessor } from './delivery-retention.processor';
import { DeliveryRetentionRepository } from './delivery-retention.repository';

/** Deliveries follow their case's and referral's anonymisation; those with neither are cleared after DELIVERY_BODY_RETENTION_DAYS. */
@Module({})
export class DeliveryRetentionModule {
  static forService(options: DeliveryRetentionOptions): DynamicModule {
    return {
      module: DeliveryRetentionModule,
      providers: [
        { provide: DELIVERY_RETENTION_OPTIONS, useValue: options },
        DeliveryRetentionRepository,
        AnonymiseDeliveriesUseCase,
        CaseAnonymisedHandler,
        ReferralAnonymisedHandler,
        ClearOldDeliveryBodiesUseCase,
        DeliveryRetentionProcessor,
      ],
    };
  }
}
