/**
 * Values a process looked up a moment ago, kept for `ttlMs` so a hot path does not ask the database
 * again for what rarely changes (an API key, a contract). Bounded: past `maxEntries` the oldest entry
 * goes. A TTL of 0 turns it off. What this process changes it evicts at once; a change made by another
 * replica is seen within `ttlMs`, which is the price the caller documents.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 10_000,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    if (!this.enabled) return;
    // A Map iterates in insertion order, so the first key is the oldest.
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, until: this.now() + this.ttlMs });
  }

  /** Forgets every entry whose value matches, e.g. everything about a row this process just changed. */
  evictWhere(matches: (value: V) => boolean): void {
    for (const [key, entry] of this.entries) if (matches(entry.value)) this.entries.delete(key);
  }
}
