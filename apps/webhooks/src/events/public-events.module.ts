import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { EndpointsModule } from '../endpoints/endpoints.module';
import { EventRetentionProcessor } from './event-retention.processor';
import { EventsRpcController } from './events.rpc-controller';
import { ListEventsUseCase } from './list-events.use-case';
import { PARTNER_EVENT_HANDLERS } from './public-event.handlers';
import { PublicEventRepository } from './public-event.repository';
import { PurgeOldEventsUseCase } from './purge-old-events.use-case';
import { RecordPublicEventUseCase } from './record-public-event.use-case';
import { ReplayUseCase } from './replay.use-case';

@Module({
  imports: [EndpointsModule, DeliveriesModule],
  controllers: [EventsRpcController],
  providers: [
    PublicEventRepository,
    RecordPublicEventUseCase,
    ListEventsUseCase,
    ReplayUseCase,
    PurgeOldEventsUseCase,
    EventRetentionProcessor,
    ...PARTNER_EVENT_HANDLERS,
  ],
})
export class PublicEventsModule {}
