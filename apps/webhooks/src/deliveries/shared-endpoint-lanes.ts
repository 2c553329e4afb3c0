import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { LifecycleService, PrefixedRedis } from '@mediation/platform';
import { randomUUID } from 'node:crypto';
import { WEBHOOKS_CONFIG, type WebhooksConfig } from '../config/webhooks.config';
import { EndpointLanes } from './endpoint-lanes';

/**
 * One atomic step per attempt, on Redis's clock so replicas' clocks never disagree. KEYS[1] holds the attempts in
 * flight (member: a token, score: when its lease runs out, so a replica that died mid-attempt frees its slot);
 * KEYS[2] the attempts started in the last second (score: when). ARGV: token, in-flight limit, per-second limit,
 * lease ms. Answers 1 with the slot taken, 0 when the endpoint is at either limit.
 */
const ENTER = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - 1000)
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[1])
redis.call('ZADD', KEYS[2], now, ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]))
redis.call('PEXPIRE', KEYS[2], 1000)
return 1`;

/** A slot held for one attempt: give it back with `leave`. */
export interface LaneSlot {
  endpointId: string;
  token: string;
  /** Taken from this process's own lanes while Redis did not answer. */
  local: boolean;
}

/**
 * WEBHOOKS_ENDPOINT_CONCURRENCY and WEBHOOKS_ENDPOINT_RATE_PER_SECOND over every replica: the counts live in Redis
 * (keys `webhooks:<namespace>:lane:<endpoint>:…`), so two replicas together send one endpoint no more than one
 * would. A slot's lease outlasts an attempt (the timeout plus a minute), so a replica that dies mid-attempt frees
 * it then. When Redis does not answer, the process falls back to its own lanes (the limits per process, as before)
 * rather than stop delivering: the BullMQ queue needs the same Redis, so that is brief.
 */
@Injectable()
export class SharedEndpointLanes implements OnModuleInit {
  private readonly logger = new Logger('EndpointLanes');
  private readonly redis: PrefixedRedis;
  private readonly fallback: EndpointLanes;
  private readonly leaseMs: number;

  constructor(
    @Inject(WEBHOOKS_CONFIG)
    private readonly config: Pick<
      WebhooksConfig,
      'REDIS_URL' | 'NATS_NAMESPACE' | 'WEBHOOKS_ENDPOINT_CONCURRENCY' | 'WEBHOOKS_ENDPOINT_RATE_PER_SECOND' | 'WEBHOOKS_TIMEOUT_MS'
    >,
    lifecycle: LifecycleService,
  ) {
    this.redis = new PrefixedRedis('webhooks', config, lifecycle, { autoPipelining: true });
    this.fallback = new EndpointLanes(config.WEBHOOKS_ENDPOINT_CONCURRENCY, config.WEBHOOKS_ENDPOINT_RATE_PER_SECOND);
    this.leaseMs = config.WEBHOOKS_TIMEOUT_MS + 60_000;
  }

  onModuleInit(): Promise<void> {
    // Sent by its SHA after the first time (EVALSHA), not as 700 bytes of script on every attempt.
    this.redis.client.defineCommand('webhookLaneEnter', { numberOfKeys: 2, lua: ENTER });
    return this.redis.onModuleInit();
  }

  /** A slot for one attempt to the endpoint, or null when it has its attempts in flight or for this second. */
  async tryEnter(endpointId: string): Promise<LaneSlot | null> {
    const token = randomUUID();
    const key = `${this.redis.prefix}lane:${endpointId}`;
    try {
      const entered = await (this.redis.client as unknown as { webhookLaneEnter: (...args: string[]) => Promise<number> }).webhookLaneEnter(
        `${key}:in-flight`,
        `${key}:started`,
        token,
        String(this.config.WEBHOOKS_ENDPOINT_CONCURRENCY),
        String(this.config.WEBHOOKS_ENDPOINT_RATE_PER_SECOND),
        String(this.leaseMs),
      );
      return entered === 1 ? { endpointId, token, local: false } : null;
    } catch (error) {
      this.logger.warn(`redis did not answer (${(error as Error).message}): limits for endpoint ${endpointId} are this process's own`);
      return this.fallback.tryEnter(endpointId) ? { endpointId, token, local: true } : null;
    }
  }

  async leave(slot: LaneSlot): Promise<void> {
    if (slot.local) return this.fallback.leave(slot.endpointId);
    // Not given back (Redis gone): the lease frees it.
    await this.redis.client.zrem(`${this.redis.prefix}lane:${slot.endpointId}:in-flight`, slot.token).catch(() => undefined);
  }
}
