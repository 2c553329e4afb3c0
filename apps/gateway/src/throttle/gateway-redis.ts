import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { LifecycleService, PrefixedRedis } from '@mediation/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

/** The gateway's own Redis connection: request counters and signed-out sessions, both short-lived (keys under `gateway:<namespace>:`). */
@Injectable()
export class GatewayRedis extends PrefixedRedis implements OnModuleInit {
  constructor(@Inject(GATEWAY_CONFIG) config: Pick<GatewayConfig, 'REDIS_URL' | 'NATS_NAMESPACE'>, lifecycle: LifecycleService) {
    super('gateway', config, lifecycle);
  }
}
