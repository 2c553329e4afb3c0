import { Global, Module } from '@nestjs/common';
import { GatewayRedis } from './gateway-redis';
import { RateLimiter } from './rate-limiter';
import { RateLimitGuard } from './rate-limit.guard';

/** Request counters and signed-out sessions in Redis. */
@Global()
@Module({ providers: [GatewayRedis, RateLimiter, RateLimitGuard], exports: [GatewayRedis, RateLimiter, RateLimitGuard] })
export class ThrottleModule {}
