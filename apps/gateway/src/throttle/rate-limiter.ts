import { Injectable } from '@nestjs/common';
import { GatewayRedis } from './gateway-redis';
import { SlidingLog } from './sliding-log';

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Milliseconds until the oldest counted request leaves the window, and one more is allowed. */
  resetMs: number;
}

/**
 * Requests counted per caller in a sliding window in Redis, shared by every gateway replica: at most `limit` in any
 * window. A refused request is not counted, so a caller knocking on is allowed again as soon as its oldest leaves.
 */
@Injectable()
export class RateLimiter {
  private readonly log: SlidingLog;

  constructor(private readonly redis: GatewayRedis) {
    this.log = new SlidingLog(redis.client);
  }

  async hit(bucket: string, id: string, limit: number, windowMs: number): Promise<RateLimitDecision> {
    const { added, count, untilOldestLeavesMs } = await this.log.addBelow(`${this.redis.prefix}rl:${bucket}:${id}`, limit, windowMs);
    return { allowed: added, limit, remaining: Math.max(0, limit - count), resetMs: untilOldestLeavesMs };
  }
}
