import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { HealthRegistry, LifecycleService, MetricsService, ShutdownPhase } from '@mediation/platform';
import { EventConsumerHost } from './inbox/event-consumer.host';
import { registerMessagingGauges } from './metrics/messaging-gauges';
import { NatsConnectionService } from './nats/nats.connection';
import { MESSAGING_OPTIONS, type MessagingOptions } from './nats/nats.options';
import { EventPublisher } from './outbox/event-publisher';
import { OutboxRelay } from './outbox/outbox-relay';
import { outboxWakeSubject } from './outbox/outbox-wake';
import { RpcClient } from './rpc/rpc.client';
import { Transactions } from './outbox/sql-tx';

export interface MessagingModuleOptions extends MessagingOptions {
  /** Services that publish events run an outbox relay (the gateway's ops commands do not: the server's relay sends what they write). */
  outbox: boolean;
}

@Injectable()
class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Messaging');
  private relay?: OutboxRelay;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    private readonly nats: NatsConnectionService,
    private readonly consumers: EventConsumerHost,
    private readonly health: HealthRegistry,
    private readonly lifecycle: LifecycleService,
    private readonly metrics: MetricsService,
    private readonly transactions: Transactions,
  ) {}

  async onModuleInit(): Promise<void> {
    this.consumers.register();
    await this.nats.connect();
    this.health.register({ name: 'nats', check: () => this.nats.check() });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.outbox) {
      const published = this.metrics.counter('outbox_published_total', 'Events published from the outbox');
      this.relay = new OutboxRelay({
        schema: this.options.schema,
        databaseUrl: this.options.databaseUrl,
        js: this.nats.jetstream,
        nc: this.nats.nc,
        wakeSubject: outboxWakeSubject(this.options.namespace, this.options.schema),
        logger: this.logger,
        onPublished: (count) => published.inc(count),
      });
      this.relay.start();
    }
    await this.consumers.start();
    registerMessagingGauges(this.metrics, {
      service: this.options.service,
      nats: this.nats,
      durables: () => this.consumers.durables(),
      outbox: this.options.outbox ? { schema: this.options.schema, transactions: this.transactions } : undefined,
    });
    this.lifecycle.onShutdown(ShutdownPhase.StopConsuming, 'event consumers', () => this.consumers.stopConsuming());
    this.lifecycle.onShutdown(ShutdownPhase.FinishInFlight, 'in-flight events', () => this.consumers.finishInFlight());
    // The relay runs until the in-flight handlers have committed, so their events leave now, not at the next start.
    this.lifecycle.onShutdown(ShutdownPhase.DrainNats, 'nats', async () => {
      await this.relay?.stop();
      await this.nats.drain();
    });
  }
}

/** JetStream, the outbox relay, the inbox consumers and the RPC client for one service. */
@Global()
@Module({})
export class MessagingModule {
  static forService(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: [DiscoveryModule],
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, NatsConnectionService, EventPublisher, RpcClient, EventConsumerHost, MessagingLifecycle],
      exports: [MESSAGING_OPTIONS, NatsConnectionService, EventPublisher, RpcClient],
    };
  }
}
