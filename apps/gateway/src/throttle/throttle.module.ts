import { Global, Module } from '@nestjs/common';
import { AuthFailures } from './auth-failures';
import { GatewayRedis } from './gateway-redis';
import { RateLimiter } from './rate-limiter';
import { RateLimitGuard } from './rate-limit.guard';

/** Request counters, failed authentications and signed-out sessions in Redis. */
@Global()
@Module({ providers: [GatewayRedis, RateLimiter, RateLimitGuard, AuthFailures], exports: [GatewayRedis, RateLimiter, RateLimitGuard, AuthFailures] })
export class ThrottleModule {}
