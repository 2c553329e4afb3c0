import { Module } from '@nestjs/common';
import { DeliveryQueue } from './delivery-queue';
import { DeliveryProcessor } from './delivery.processor';
import { DeliveryRepository } from './delivery.repository';
import { SendDeliveryUseCase } from './send-delivery.use-case';
import { SweepDeliveriesUseCase } from './sweep-deliveries.use-case';

@Module({
  providers: [DeliveryRepository, DeliveryQueue, SendDeliveryUseCase, SweepDeliveriesUseCase, DeliveryProcessor],
  exports: [DeliveryRepository, DeliveryQueue],
})
export class DeliveriesModule {}
