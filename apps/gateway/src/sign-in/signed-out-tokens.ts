import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { GatewayRedis } from '../throttle/gateway-redis';

/**
 * Signed-out sign-in tokens, kept in Redis only until they would have expired anyway. Checking
 * fails closed: while Redis is down a sign-in token cannot be checked, so it is refused (API keys
 * and OIDC tokens do not depend on it).
 */
@Injectable()
export class SignedOutTokens {
  constructor(private readonly redis: GatewayRedis) {}

  async revoke(tokenId: string, expiresAt: Date): Promise<void> {
    const ttlMs = expiresAt.getTime() - Date.now();
    if (ttlMs <= 0) return;
    await this.redis.client.set(this.key(tokenId), '1', 'PX', ttlMs);
  }

  async assertNotRevoked(tokenId: string): Promise<void> {
    let revoked: number;
    try {
      revoked = await this.redis.client.exists(this.key(tokenId));
    } catch {
      throw ProblemError.unavailable('Sign-in tokens cannot be checked just now; retry shortly or use an API key.');
    }
    if (revoked) throw ProblemError.unauthenticated('This sign-in token was signed out; sign in again.');
  }

  private key(tokenId: string): string {
    return `${this.redis.prefix}signed-out:${tokenId}`;
  }
}
