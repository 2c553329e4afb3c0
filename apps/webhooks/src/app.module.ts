import { DynamicModule, Module } from '@nestjs/common';
import { JobsModule } from '@mediation/jobs';
import { MessagingModule } from '@mediation/messaging';
import { DatabaseModule, PlatformModule } from '@mediation/platform';
import { WEBHOOKS_CONFIG, type WebhooksConfig } from './config/webhooks.config';
import { WEBHOOKS_SCHEMA, WebhooksDatabase } from './database/webhooks.database';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { EndpointsModule } from './endpoints/endpoints.module';
import { PublicEventsModule } from './events/public-events.module';

@Module({})
class WebhooksConfigModule {}

@Module({})
export class AppModule {
  static register(config: WebhooksConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'webhooks', logLevel: config.LOG_LEVEL }),
        DatabaseModule.forService(WebhooksDatabase, WEBHOOKS_SCHEMA, () => new WebhooksDatabase(config.DATABASE_URL)),
        MessagingModule.forService({
          service: 'webhooks',
          schema: WEBHOOKS_SCHEMA,
          natsUrl: config.NATS_URL,
          streamReplicas: config.NATS_STREAM_REPLICAS,
          databaseUrl: config.DATABASE_URL,
          namespace: config.NATS_NAMESPACE,
          // Off the referral's critical path: 200 ms more latency buys batches of several events at moderate load.
          consumerLingerMs: config.CONSUMER_LINGER_MS ?? 1000,
          outbox: true,
        }),
        JobsModule.forService({ redisUrl: config.REDIS_URL, namespace: config.NATS_NAMESPACE }),
        { module: WebhooksConfigModule, global: true, providers: [{ provide: WEBHOOKS_CONFIG, useValue: config }], exports: [WEBHOOKS_CONFIG] },
        EndpointsModule,
        DeliveriesModule,
        PublicEventsModule,
      ],
    };
  }
}
