interface Pending<I, O> {
  item: I;
  resolve: (result: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers what callers ask for within one turn of the event loop (up to `maxBatch`) and does it in one call per
 * organisation (one query or transaction, behind the tenant wall), instead of one each: with a hundred deliveries
 * in flight that is most of the round trips each costs. Each caller still waits for, and gets, its own result
 * (`work` answers one per item, in order), or the batch's error.
 */
export class TickBatcher<I extends { organisationId: string }, O> {
  private queue: Pending<I, O>[] = [];
  private scheduled = false;

  constructor(
    private readonly work: (organisationId: string, items: I[]) => Promise<O[]>,
    private readonly maxBatch = 200,
  ) {}

  add(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.queue.length >= this.maxBatch) void this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const byOrganisation = new Map<string, Pending<I, O>[]>();
    for (const pending of batch) byOrganisation.set(pending.item.organisationId, [...(byOrganisation.get(pending.item.organisationId) ?? []), pending]);
    await Promise.all(
      [...byOrganisation].map(async ([organisationId, pendings]) => {
        try {
          const results = await this.work(
            organisationId,
            pendings.map((p) => p.item),
          );
          pendings.forEach((p, i) => p.resolve(results[i]));
        } catch (error) {
          for (const p of pendings) p.reject(error);
        }
      }),
    );
  }
}
