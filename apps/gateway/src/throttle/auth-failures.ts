import { Inject, Injectable, Logger } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { GatewayRedis } from './gateway-redis';

const WINDOW_MS = 60_000;

// One more failure; the minute starts with the first, so a burst is never split across two windows.
const COUNT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

/** Who failed to authenticate: the client address always, the API key's id when the token names one. */
export interface AuthAttempt {
  clientAddress: string;
  keyId?: string;
}

/**
 * Failed authentications counted per client address and per API-key id in Redis, shared by every
 * replica. Past the limit a caller gets 429 with Retry-After before its credential is even looked
 * at, so guessing keys or tokens, and the load of it, stop for the rest of the minute.
 */
@Injectable()
export class AuthFailures {
  private readonly logger = new Logger(AuthFailures.name);

  constructor(
    private readonly redis: GatewayRedis,
    @Inject(GATEWAY_CONFIG) private readonly config: Pick<GatewayConfig, 'AUTH_FAILURES_PER_MINUTE'>,
  ) {}

  /** 429 with the seconds to wait, when this address or key has failed too often; fails open while Redis is down. */
  async refuseIfThrottled(attempt: AuthAttempt): Promise<void> {
    let counts: [number, number][];
    try {
      // One round trip for every key's count and time to live: this runs on every authenticated request.
      const pipeline = this.redis.client.pipeline();
      for (const key of this.keys(attempt)) pipeline.get(key).pttl(key);
      const replies = (await pipeline.exec()) ?? [];
      const failed = replies.find(([error]) => error);
      if (failed) throw failed[0];
      counts = [];
      for (let i = 0; i < replies.length; i += 2) counts.push([Number(replies[i][1] ?? 0), Number(replies[i + 1][1])]);
    } catch (error) {
      this.logger.warn(`failed authentications not checked (${(error as Error).message})`);
      return;
    }
    const over = counts.filter(([count]) => count >= this.config.AUTH_FAILURES_PER_MINUTE);
    if (over.length === 0) return;
    const retryAfter = Math.max(1, ...over.map(([, ttl]) => Math.ceil((ttl > 0 ? ttl : WINDOW_MS) / 1000)));
    const limit = this.config.AUTH_FAILURES_PER_MINUTE;
    throw ProblemError.tooManyRequests(
      `More than ${limit} failed authentications in a minute from this address or with this API key; retry in ${retryAfter} s.`,
    ).withHeaders({ 'Retry-After': String(retryAfter) });
  }

  async record(attempt: AuthAttempt): Promise<void> {
    await Promise.all(this.keys(attempt).map((key) => this.redis.client.eval(COUNT, 1, key, String(WINDOW_MS)))).catch((error: Error) =>
      this.logger.warn(`failed authentication not counted (${error.message})`),
    );
  }

  private keys({ clientAddress, keyId }: AuthAttempt): string[] {
    return [`${this.redis.prefix}auth-failures:ip:${clientAddress}`, ...(keyId ? [`${this.redis.prefix}auth-failures:key:${keyId}`] : [])];
  }
}

/** The key id of a bearer token shaped like an API key (`mk_<16 hex>`…), valid or not. */
export function keyIdOf(authorization: string | undefined): string | undefined {
  return /^bearer\s+mk_([a-f0-9]{16})/i.exec(authorization ?? '')?.[1];
}
