import { Module } from '@nestjs/common';
import { AttachmentFetcher } from './attachment-fetcher';
import { DeliveryDispatcher } from './delivery-dispatcher';
import { DeliveryQueue } from './delivery-queue';
import { DeliveryProcessor } from './delivery.processor';
import { DeliveryRepository } from './delivery.repository';
import { EmailRequests } from './email-requests';
import { LinkFetcher } from './link-fetcher';
import { SendDeliveryUseCase } from './send-delivery.use-case';
import { SweepDeliveriesUseCase } from './sweep-deliveries.use-case';
import { TextRequests } from './text-requests';

@Module({
  providers: [
    AttachmentFetcher,
    LinkFetcher,
    DeliveryRepository,
    DeliveryQueue,
    DeliveryDispatcher,
    SendDeliveryUseCase,
    SweepDeliveriesUseCase,
    DeliveryProcessor,
    EmailRequests,
    TextRequests,
  ],
  exports: [DeliveryRepository, DeliveryQueue, EmailRequests, TextRequests],
})
export class DeliveriesModule {}
