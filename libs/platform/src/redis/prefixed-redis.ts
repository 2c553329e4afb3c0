import { Logger } from '@nestjs/common';
import IORedis from 'ioredis';
import { LifecycleService, ShutdownPhase } from '../lifecycle/lifecycle.service';

/**
 * A service's own Redis connection for short-lived shared state (counters, leases), apart from BullMQ's: every key
 * under `<service>:<namespace or default>:`, so environments and test runs sharing one Redis never meet. A short
 * command timeout and no offline queue: a slow or absent Redis must not hold requests or workers hostage, and each
 * caller decides whether to fail open or closed. Losing it is not a readiness failure.
 */
export class PrefixedRedis {
  readonly client: IORedis;
  readonly prefix: string;
  private readonly logger: Logger;

  constructor(
    private readonly service: string,
    config: { REDIS_URL: string; NATS_NAMESPACE: string },
    private readonly lifecycle: LifecycleService,
    /** Commands issued in one event-loop turn go out in one write (for callers issuing many at once, e.g. webhook lanes). */
    options: { autoPipelining?: boolean } = {},
  ) {
    this.logger = new Logger(`${service}-redis`);
    this.client = new IORedis(config.REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      commandTimeout: 500,
      enableOfflineQueue: false,
      enableAutoPipelining: options.autoPipelining ?? false,
    });
    this.client.on('error', (error) => this.logger.warn(`redis: ${error.message}`));
    this.prefix = `${service}:${config.NATS_NAMESPACE || 'default'}:`;
  }

  /** Connects (a Redis not there at boot is logged, not fatal) and closes the connection at shutdown. */
  async onModuleInit(): Promise<void> {
    await this.client.connect().catch((error: Error) => this.logger.warn(`redis not reachable at boot: ${error.message}`));
    this.lifecycle.onShutdown(ShutdownPhase.DisconnectRedis, `${this.service}-redis`, async () => {
      await this.client.quit().catch(() => undefined);
    });
  }
}
