import { Module } from '@nestjs/common';
import { EndpointsModule } from '../endpoints/endpoints.module';
import { AttemptLog } from './attempt-log';
import { DeliverWebhookUseCase } from './deliver-webhook.use-case';
import { DeliveryMetrics } from './delivery-metrics';
import { DeliveryLoader } from './delivery-loader';
import { DeliveriesRpcController } from './deliveries.rpc-controller';
import { DeliveryQueue } from './delivery-queue';
import { DeliveryProcessor } from './delivery.processor';
import { DeliveryRepository } from './delivery.repository';
import { ListDeliveriesUseCase } from './list-deliveries.use-case';
import { RedeliverUseCase } from './redeliver.use-case';
import { SendTestUseCase } from './send-test.use-case';
import { SharedEndpointLanes } from './shared-endpoint-lanes';
import { SweepDeliveriesUseCase } from './sweep-deliveries.use-case';

@Module({
  imports: [EndpointsModule],
  controllers: [DeliveriesRpcController],
  providers: [
    DeliveryRepository,
    AttemptLog,
    DeliveryLoader,
    DeliveryQueue,
    DeliverWebhookUseCase,
    DeliveryMetrics,
    DeliveryProcessor,
    SharedEndpointLanes,
    SweepDeliveriesUseCase,
    ListDeliveriesUseCase,
    SendTestUseCase,
    RedeliverUseCase,
  ],
  exports: [DeliveryRepository, DeliveryQueue],
})
export class DeliveriesModule {}
