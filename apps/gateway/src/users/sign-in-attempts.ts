import { Injectable, Logger } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { GatewayRedis } from '../throttle/gateway-redis';
import { FORGET_AFTER_MS, Lockout, type SignInAttemptState } from './lockout';

// One more wrong password from an address, counted atomically across replicas; the person's record lives a day past the last.
const FAIL = `local n = redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return n`;

/**
 * Each person's wrong passwords per client address, in Redis (a hash per person, two fields per
 * address), shared by every replica. Sign-in tokens already need Redis, so while it is down signing
 * in is refused (503) rather than let guesses through uncounted.
 */
@Injectable()
export class SignInAttempts {
  private readonly logger = new Logger(SignInAttempts.name);
  private readonly lockout: Lockout;

  constructor(
    private readonly redis: GatewayRedis,
    clock: Clock,
  ) {
    this.lockout = new Lockout(clock);
  }

  async isLocked(userId: string, address: string): Promise<boolean> {
    const [failures, until] = await this.unavailableWithout(() => this.redis.client.hmget(this.key(userId), `${address}|n`, `${address}|until`));
    return this.lockout.isLocked({ failures: Number(failures ?? 0), lockedUntil: until ? new Date(Number(until)) : null });
  }

  /** One more wrong password from this address: past the free attempts it locks, for longer each time. */
  async failed(userId: string, address: string): Promise<SignInAttemptState> {
    const failures = Number(await this.unavailableWithout(() => this.redis.client.eval(FAIL, 1, this.key(userId), `${address}|n`, String(FORGET_AFTER_MS))));
    const lockedUntil = this.lockout.lockAfter(failures);
    if (lockedUntil) await this.unavailableWithout(() => this.redis.client.hset(this.key(userId), `${address}|until`, String(lockedUntil.getTime())));
    return { failures, lockedUntil };
  }

  /** The right password: this address starts afresh (others keep their count). */
  async succeeded(userId: string, address: string): Promise<void> {
    await this.redis.client
      .hdel(this.key(userId), `${address}|n`, `${address}|until`)
      .catch((error: Error) => this.logger.warn(`sign-in count not cleared (${error.message})`));
  }

  /** An administrator set a new password: every address starts afresh. Locks lapse by themselves if Redis is down. */
  async clear(userId: string): Promise<void> {
    await this.redis.client
      .del(this.key(userId))
      .catch((error: Error) => this.logger.warn(`sign-in locks not lifted (${error.message}); they lapse by themselves`));
  }

  private key(userId: string): string {
    return `${this.redis.prefix}sign-in-attempts:${userId}`;
  }

  private async unavailableWithout<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch {
      throw ProblemError.unavailable('Signing in is not possible just now; retry shortly or use an API key.');
    }
  }
}
