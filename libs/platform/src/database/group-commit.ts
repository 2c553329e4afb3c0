/**
 * Group commit: work for one key (an organisation's audit chain, its sent deliveries) runs one batch at a
 * time, and whatever is submitted while a batch runs goes into the next one, so a chain every request must
 * lock is locked once per batch rather than once per request, and many small writes are one statement. At
 * low load a batch is one item and waits for nothing.
 */
export class GroupCommit<I, O> {
  private readonly queues = new Map<string, { item: I; resolve(out: O): void; reject(error: unknown): void }[]>();

  constructor(
    private readonly flush: (key: string, items: I[]) => Promise<O[]>,
    private readonly maxBatch = 100,
  ) {}

  submit(key: string, item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) return void queue.push({ item, resolve, reject });
      this.queues.set(key, [{ item, resolve, reject }]);
      void this.drain(key);
    });
  }

  private async drain(key: string): Promise<void> {
    const queue = this.queues.get(key)!;
    while (queue.length > 0) {
      const batch = queue.splice(0, this.maxBatch);
      try {
        const out = await this.flush(
          key,
          batch.map((b) => b.item),
        );
        batch.forEach((b, i) => b.resolve(out[i]));
      } catch (error) {
        batch.forEach((b) => b.reject(error));
      }
    }
    this.queues.delete(key);
  }
}
