import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { LifecycleService, ShutdownPhase } from '@mediation/platform';
import IORedis from 'ioredis';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

/** The gateway's own Redis connection: request counters and signed-out sessions, both short-lived. */
@Injectable()
export class GatewayRedis implements OnModuleInit {
  readonly client: IORedis;
  /** Every key is prefixed, so environments and test runs sharing one Redis never meet. */
  readonly prefix: string;
  private readonly logger = new Logger(GatewayRedis.name);

  constructor(
    @Inject(GATEWAY_CONFIG) config: Pick<GatewayConfig, 'REDIS_URL' | 'NATS_NAMESPACE'>,
    private readonly lifecycle: LifecycleService,
  ) {
    // A short command timeout: a slow Redis must not hold requests hostage (callers fail open or closed by choice).
    this.client = new IORedis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, commandTimeout: 500, enableOfflineQueue: false });
    this.client.on('error', (error) => this.logger.warn(`redis: ${error.message}`));
    this.prefix = `gateway:${config.NATS_NAMESPACE || 'default'}:`;
  }

  async onModuleInit(): Promise<void> {
    // Not a readiness check: losing Redis relaxes rate limits and refuses sign-in tokens, it does not take the API down.
    await this.client.connect().catch((error: Error) => this.logger.warn(`redis not reachable at boot: ${error.message}`));
    this.lifecycle.onShutdown(ShutdownPhase.DisconnectRedis, 'gateway-redis', async () => {
      await this.client.quit().catch(() => undefined);
    });
  }
}
