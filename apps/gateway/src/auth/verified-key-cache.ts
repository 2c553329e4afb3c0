/**
 * API keys this gateway has just verified, so a client sending many requests costs one database
 * lookup per key every `ttlMs` instead of one transaction per request. Only keys found are kept (a
 * wrong key always reaches the database, and the failed-authentication limit); each entry is keyed
 * by the key id and the HMAC of the presented secret, so only the whole key finds it. A revoke on
 * this gateway evicts the key at once; on another replica or with the CLI it stops working within `ttlMs`.
 */
export class VerifiedKeyCache<K extends { id: string }> {
  private readonly entries = new Map<string, { key: K; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 10_000,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(keyId: string, secretHash: string): K | undefined {
    const cacheKey = `${keyId}:${secretHash}`;
    const entry = this.entries.get(cacheKey);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(cacheKey);
      return undefined;
    }
    return entry.key;
  }

  set(keyId: string, secretHash: string, key: K): void {
    if (!this.enabled) return;
    // Bounded: past the limit the oldest entry goes (a Map iterates in insertion order).
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(`${keyId}:${secretHash}`, { key, until: this.now() + this.ttlMs });
  }

  /** Forgets the key with this row id (revoked here). */
  evict(id: string): void {
    for (const [cacheKey, entry] of this.entries) if (entry.key.id === id) this.entries.delete(cacheKey);
  }
}
