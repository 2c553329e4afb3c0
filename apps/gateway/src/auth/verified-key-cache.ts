import { ExpiringCache } from '@mediation/platform';

/**
 * API keys this gateway has just verified, so a client sending many requests costs one database
 * lookup per key every `ttlMs` instead of one transaction per request. Only keys found are kept (a
 * wrong key always reaches the database, and the failed-authentication limit); each entry is keyed
 * by the key id and the HMAC of the presented secret, so only the whole key finds it. A revoke on
 * this gateway evicts the key at once; on another replica or with the CLI it stops working within `ttlMs`.
 */
export class VerifiedKeyCache<K extends { id: string }> {
  private readonly keys: ExpiringCache<K>;

  constructor(ttlMs: number, now: () => number = Date.now, maxEntries = 10_000) {
    this.keys = new ExpiringCache<K>(ttlMs, now, maxEntries);
  }

  get enabled(): boolean {
    return this.keys.enabled;
  }

  get(keyId: string, secretHash: string): K | undefined {
    return this.keys.get(`${keyId}:${secretHash}`);
  }

  set(keyId: string, secretHash: string, key: K): void {
    this.keys.set(`${keyId}:${secretHash}`, key);
  }

  /** Forgets the key with this row id (revoked here). */
  evict(id: string): void {
    this.keys.evictWhere((key) => key.id === id);
  }
}
