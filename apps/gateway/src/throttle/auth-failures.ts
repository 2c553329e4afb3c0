import { Inject, Injectable, Logger } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { GatewayRedis } from './gateway-redis';
import { SlidingLog } from './sliding-log';

const WINDOW_MS = 60_000;

/** Who failed to authenticate: the client address always, the API key's id when the token names one. */
export interface AuthAttempt {
  clientAddress: string;
  keyId?: string;
}

/**
 * Failed authentications counted per client address and per API-key id in a sliding minute in Redis, shared by
 * every replica. Past the limit a caller gets 429 with Retry-After before its credential is even looked at, so
 * guessing keys or tokens, and the load of it, stop until the oldest failure is a minute old.
 */
@Injectable()
export class AuthFailures {
  private readonly logger = new Logger(AuthFailures.name);
  private readonly log: SlidingLog;

  constructor(
    private readonly redis: GatewayRedis,
    @Inject(GATEWAY_CONFIG) private readonly config: Pick<GatewayConfig, 'AUTH_FAILURES_PER_MINUTE'>,
  ) {
    this.log = new SlidingLog(redis.client);
  }

  /** 429 with the seconds to wait, when this address or key has failed too often; fails open while Redis is down. */
  async refuseIfThrottled(attempt: AuthAttempt): Promise<void> {
    let readings;
    try {
      // One round trip for every key: this runs on every authenticated request.
      readings = await this.log.peek(this.keys(attempt), WINDOW_MS);
    } catch (error) {
      this.logger.warn(`failed authentications not checked (${(error as Error).message})`);
      return;
    }
    const limit = this.config.AUTH_FAILURES_PER_MINUTE;
    const over = readings.filter(({ count }) => count >= limit);
    if (over.length === 0) return;
    // Nothing can succeed before the oldest failure of each key over the limit has left the minute.
    const retryAfter = Math.max(1, ...over.map(({ untilOldestLeavesMs }) => Math.ceil(untilOldestLeavesMs / 1000)));
    throw ProblemError.tooManyRequests(
      `More than ${limit} failed authentications in a minute from this address or with this API key; retry in ${retryAfter} s.`,
    ).withHeaders({ 'Retry-After': String(retryAfter) });
  }

  async record(attempt: AuthAttempt): Promise<void> {
    await Promise.all(this.keys(attempt).map((key) => this.log.add(key, WINDOW_MS))).catch((error: Error) =>
      this.logger.warn(`failed authentication not counted (${error.message})`),
    );
  }

  // `failed-auth`, not the counters' `auth-failures`: a counter left by the previous version would be the wrong type for a log.
  private keys({ clientAddress, keyId }: AuthAttempt): string[] {
    return [`${this.redis.prefix}failed-auth:ip:${clientAddress}`, ...(keyId ? [`${this.redis.prefix}failed-auth:key:${keyId}`] : [])];
  }
}

/** The key id of a bearer token shaped like an API key (`mk_<16 hex>`…), valid or not. */
export function keyIdOf(authorization: string | undefined): string | undefined {
  return /^bearer\s+mk_([a-f0-9]{16})/i.exec(authorization ?? '')?.[1];
}
