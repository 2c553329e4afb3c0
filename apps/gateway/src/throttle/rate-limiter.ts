import { Injectable } from '@nestjs/common';
import { GatewayRedis } from './gateway-redis';

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
}

// INCR and PEXPIRE in one script, so a counter can never be left without its expiry.
const HIT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

/** Fixed-window counters in Redis, shared by every gateway replica. */
@Injectable()
export class RateLimiter {
  constructor(private readonly redis: GatewayRedis) {}

  async hit(bucket: string, id: string, limit: number, windowMs: number): Promise<RateLimitDecision> {
    const window = Math.floor(Date.now() / windowMs);
    const key = `${this.redis.prefix}rl:${bucket}:${id}:${window}`;
    const [count, ttl] = (await this.redis.client.eval(HIT, 1, key, String(windowMs))) as [number, number];
    return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), resetMs: ttl > 0 ? ttl : windowMs };
  }
}
