import { Module } from '@nestjs/common';
import { AttachmentFetcher } from './attachment-fetcher';
import { DeliveryQueue } from './delivery-queue';
import { DeliveryProcessor } from './delivery.processor';
import { DeliveryRepository } from './delivery.repository';
import { EmailRequests } from './email-requests';
import { LinkFetcher } from './link-fetcher';
import { SendDeliveryUseCase } from './send-delivery.use-case';
import { SweepDeliveriesUseCase } from './sweep-deliveries.use-case';

@Module({
  providers: [AttachmentFetcher, LinkFetcher, DeliveryRepository, DeliveryQueue, SendDeliveryUseCase, SweepDeliveriesUseCase, DeliveryProcessor, EmailRequests],
  exports: [DeliveryRepository, DeliveryQueue, EmailRequests],
})
export class DeliveriesModule {}
