/**
 * Spreads a consumer's messages over a few lanes by aggregate, and hands each lane's queue to
 * `process` as one batch whenever the lane is free: at low load a batch is one message (no added
 * wait, unless the consumer lingers), under load it is everything that queued meanwhile (up to
 * `maxBatch`). One aggregate always goes to the same lane, and a lane runs one batch at a time, so an
 * aggregate's events keep their order.
 */
export interface ConsumerLanesOptions<T> {
  lanes: number;
  maxBatch: number;
  /**
   * How long a lane waits, once it has something and less than a full batch, for more to arrive before
   * it starts (0: at once). A consumer off the referral's critical path trades this much latency for
   * fewer, larger transactions at moderate load, where batches would otherwise be one message.
   */
  lingerMs?: number;
  /**
   * Lingers only while at least this many messages arrived in the last second (0: always). A quiet
   * consumer gains nothing by waiting (a case's few events come in one burst), so it handles them at once;
   * a busy one waits and takes them in fewer, larger transactions.
   */
  lingerFromPerSecond?: number;
  /**
   * Lingers only as long as the lane's last batch took, up to `lingerMs`: the added wait is at most one batch's
   * time, so it stays small while batches are quick and grows with them as the machine gets loaded (for a
   * consumer on the referral's critical path, whose latency counts).
   */
  lingerFollowsBatches?: boolean;
  process(batch: T[]): Promise<void>;
  /** How long a batch took, in ms, however it ended (the lane's own measure, which lingerFollowsBatches reads). */
  batchTook?(ms: number): void;
  /** A batch whose processing threw (it should settle every message itself); the lane goes on. */
  onError(error: unknown, batch: T[]): void;
}

interface Lane<T> {
  queue: T[];
  running: boolean;
  inFlight: number;
  /** How long the lane's last batch took, in ms (for lingerFollowsBatches). */
  lastBatchMs: number;
  /** Ends the lane's linger early (a full batch is queued, or the lanes stopped). */
  wake?: () => void;
}

export class ConsumerLanes<T> {
  private readonly lanes: Lane<T>[];
  private readonly waiters = new Set<() => void>();
  private stopped = false;
  /** Arrivals in the current one-second window and in the one before it: how busy the consumer is. */
  private window = { startedAt: 0, arrivals: 0, previous: 0 };

  constructor(private readonly options: ConsumerLanesOptions<T>) {
    this.lanes = Array.from({ length: Math.max(1, options.lanes) }, () => ({ queue: [], running: false, inFlight: 0, lastBatchMs: 0 }));
  }

  /** Queues an item behind the earlier ones with the same key. */
  push(key: string, item: T): void {
    if (this.stopped) throw new Error('the consumer lanes are stopped');
    const lane = this.lanes[laneOf(key, this.lanes.length)];
    if (this.options.lingerMs) this.countArrival();
    lane.queue.push(item);
    if (lane.queue.length >= this.options.maxBatch) lane.wake?.();
    if (!lane.running) void this.run(lane);
  }

  /** Items queued or being processed. */
  get held(): number {
    return this.lanes.reduce((sum, lane) => sum + lane.queue.length + lane.inFlight, 0);
  }

  /** Resolves once fewer than `limit` items are held: the caller stops pulling until then. */
  async whenBelow(limit: number): Promise<void> {
    while (this.held >= limit) await this.nextChange();
  }

  /** Resolves once no batch is running and nothing is queued (or, after stop, once the running batches end). */
  async idle(): Promise<void> {
    while (this.lanes.some((lane) => lane.running)) await this.nextChange();
  }

  /** Takes no further batch; returns what was queued and not started, for the caller to give back. */
  stop(): T[] {
    this.stopped = true;
    for (const lane of this.lanes) lane.wake?.();
    return this.lanes.flatMap((lane) => lane.queue.splice(0));
  }

  private async run(lane: Lane<T>): Promise<void> {
    lane.running = true;
    try {
      while (lane.queue.length > 0 && !this.stopped) {
        const lingerMs = this.lingerMsOf(lane);
        if (lingerMs > 0 && lane.queue.length < this.options.maxBatch && this.busy()) await this.linger(lane, lingerMs);
        // Stopped while lingering: what is queued goes back with stop()'s answer.
        if (this.stopped) break;
        const batch = lane.queue.splice(0, this.options.maxBatch);
        lane.inFlight = batch.length;
        const began = performance.now();
        try {
          await this.options.process(batch);
        } catch (error) {
          this.options.onError(error, batch);
        } finally {
          lane.lastBatchMs = performance.now() - began;
          this.options.batchTook?.(lane.lastBatchMs);
          lane.inFlight = 0;
          this.changed();
        }
      }
    } finally {
      lane.running = false;
      this.changed();
    }
  }

  private lingerMsOf(lane: Lane<T>): number {
    const most = this.options.lingerMs ?? 0;
    return this.options.lingerFollowsBatches ? Math.min(most, lane.lastBatchMs) : most;
  }

  private countArrival(): void {
    const now = Date.now();
    const elapsed = now - this.window.startedAt;
    if (elapsed >= 1_000) this.window = { startedAt: now, arrivals: 0, previous: elapsed < 2_000 ? this.window.arrivals : 0 };
    this.window.arrivals += 1;
  }

  private busy(): boolean {
    const threshold = this.options.lingerFromPerSecond ?? 0;
    if (threshold <= 0) return true;
    if (Date.now() - this.window.startedAt >= 2_000) return false;
    return Math.max(this.window.arrivals, this.window.previous) >= threshold;
  }

  private linger(lane: Lane<T>, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        lane.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      lane.wake = done;
    });
  }

  private nextChange(): Promise<void> {
    return new Promise((resolve) => this.waiters.add(resolve));
  }

  private changed(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }
}

/** FNV-1a: cheap and stable, so an aggregate lands in the same lane every time. */
export function laneOf(key: string, lanes: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % lanes;
}
