import { ConsumerLanes, laneOf } from './consumer-lanes';

/** A batch that finishes only when the test says so, to see what queues meanwhile. */
function controlledLanes(lanes: number, maxBatch = 64) {
  const batches: string[][] = [];
  const releases: (() => void)[] = [];
  const consumer = new ConsumerLanes<string>({
    lanes,
    maxBatch,
    process: (batch) => {
      batches.push(batch);
      return new Promise<void>((resolve) => releases.push(resolve));
    },
    onError: () => undefined,
  });
  const releaseAll = async () => {
    while (releases.length > 0) {
      releases.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { consumer, batches, releaseAll };
}

/** One lane that lingers as told, recording its batches. */
function lingeringLanes(options: { maxBatch: number; lingerMs: number; lingerFromPerSecond?: number }) {
  const batches: string[][] = [];
  const consumer = new ConsumerLanes<string>({ lanes: 1, ...options, process: async (batch) => void batches.push(batch), onError: () => undefined });
  return { consumer, batches };
}

describe('consumer lanes (batches per lane, one aggregate per lane)', () => {
  it('starts a batch with the first message at once, and batches what arrives while it runs', async () => {
    const { consumer, batches, releaseAll } = controlledLanes(1);
    consumer.push('case-1', 'a');
    consumer.push('case-2', 'b');
    consumer.push('case-3', 'c');
    expect(batches).toEqual([['a']]);
    await releaseAll();
    expect(batches).toEqual([['a'], ['b', 'c']]);
  });

  it('keeps one aggregate’s messages in the order they came, across batches', async () => {
    const { consumer, batches, releaseAll } = controlledLanes(4, 2);
    for (const item of ['x1', 'x2', 'x3', 'x4', 'x5']) consumer.push('case-x', item);
    await releaseAll();
    expect(batches.flat()).toEqual(['x1', 'x2', 'x3', 'x4', 'x5']);
    expect(batches.every((batch) => batch.length <= 2)).toBe(true);
  });

  it('runs different aggregates side by side when they fall in different lanes', async () => {
    const keys = ['case-a', 'case-b', 'case-c', 'case-d', 'case-e', 'case-f'];
    const [first, other] = [keys[0], keys.find((k) => laneOf(k, 4) !== laneOf(keys[0], 4))!];
    const { consumer, batches } = controlledLanes(4);
    consumer.push(first, 'first');
    consumer.push(other, 'other');
    // Neither has finished, yet both started.
    expect(batches).toEqual([['first'], ['other']]);
  });

  it('counts what it holds, so the consumer can stop pulling, and gives back what never started when stopped', async () => {
    const { consumer, releaseAll } = controlledLanes(1);
    consumer.push('case-1', 'a');
    consumer.push('case-1', 'b');
    consumer.push('case-1', 'c');
    expect(consumer.held).toBe(3);
    let below = false;
    void consumer.whenBelow(3).then(() => (below = true));
    expect(consumer.stop()).toEqual(['b', 'c']);
    await releaseAll();
    await consumer.idle();
    expect(below).toBe(true);
    expect(consumer.held).toBe(0);
  });

  it('puts an aggregate in the same lane every time', () => {
    expect(laneOf('0190a000-0000-7000-8000-000000000001', 4)).toBe(laneOf('0190a000-0000-7000-8000-000000000001', 4));
    expect(new Set(Array.from({ length: 200 }, (_, i) => laneOf(`case-${i}`, 4))).size).toBe(4);
  });

  describe('a consumer that lingers (off the critical path)', () => {
    const lingering = (maxBatch = 64) => lingeringLanes({ maxBatch, lingerMs: 100 });
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('waits its linger for more before the first batch, then takes what came as one', async () => {
      const { consumer, batches } = lingering();
      consumer.push('case-1', 'a');
      await jest.advanceTimersByTimeAsync(60);
      consumer.push('case-2', 'b');
      expect(batches).toEqual([]);
      await jest.advanceTimersByTimeAsync(40);
      expect(batches).toEqual([['a', 'b']]);
    });

    it('stops waiting as soon as a full batch is queued', async () => {
      const { consumer, batches } = lingering(2);
      consumer.push('case-1', 'a');
      await jest.advanceTimersByTimeAsync(10);
      consumer.push('case-2', 'b');
      await jest.advanceTimersByTimeAsync(0);
      expect(batches).toEqual([['a', 'b']]);
    });

    it('gives back what it was lingering over when stopped, and handles none of it', async () => {
      const { consumer, batches } = lingering();
      consumer.push('case-1', 'a');
      expect(consumer.stop()).toEqual(['a']);
      await jest.advanceTimersByTimeAsync(100);
      expect(batches).toEqual([]);
    });
  });

  describe('a consumer that lingers only when busy', () => {
    const lingeringFrom = (perSecond: number) => lingeringLanes({ maxBatch: 64, lingerMs: 500, lingerFromPerSecond: perSecond });
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('handles a quiet case’s burst of events at once, without waiting', async () => {
      const { consumer, batches } = lingeringFrom(4);
      consumer.push('case-1', 'received');
      await jest.advanceTimersByTimeAsync(0);
      consumer.push('case-1', 'opened');
      await jest.advanceTimersByTimeAsync(0);
      expect(batches).toEqual([['received'], ['opened']]);
    });

    it('waits for more once messages arrive faster than its threshold, and stops waiting when they slow down', async () => {
      const { consumer, batches } = lingeringFrom(4);
      for (const event of ['a', 'b', 'c']) consumer.push(`case-${event}`, event);
      await jest.advanceTimersByTimeAsync(0);
      expect(batches).toEqual([['a'], ['b', 'c']]);
      consumer.push('case-d', 'd');
      consumer.push('case-e', 'e');
      await jest.advanceTimersByTimeAsync(100);
      expect(batches).toHaveLength(2);
      await jest.advanceTimersByTimeAsync(400);
      expect(batches).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
      // Two quiet seconds later the consumer is idle again: the next message is handled at once.
      await jest.advanceTimersByTimeAsync(2_000);
      consumer.push('case-f', 'f');
      await jest.advanceTimersByTimeAsync(0);
      expect(batches).toEqual([['a'], ['b', 'c'], ['d', 'e'], ['f']]);
    });
  });

  describe('a consumer on the critical path, whose linger follows its batches', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    /** Busy from the first message (threshold 1); each batch takes `batchMs` of (fake) time. */
    function followingLanes(batchMs: () => number) {
      const batches: { at: number; items: string[] }[] = [];
      const took: number[] = [];
      const consumer = new ConsumerLanes<string>({
        lanes: 1,
        maxBatch: 64,
        lingerMs: 100,
        lingerFromPerSecond: 1,
        lingerFollowsBatches: true,
        process: async (items) => {
          batches.push({ at: Date.now(), items });
          await new Promise((resolve) => setTimeout(resolve, batchMs()));
        },
        batchTook: (ms) => took.push(ms),
        onError: () => undefined,
      });
      return { consumer, batches, took };
    }

    it('waits no longer for more than its last batch took: 5 ms after a 5 ms batch, not its 100 ms cap', async () => {
      const { consumer, batches, took } = followingLanes(() => 5);
      const start = Date.now();
      consumer.push('case-1', 'a');
      await jest.advanceTimersByTimeAsync(1);
      consumer.push('case-2', 'b');
      await jest.advanceTimersByTimeAsync(20);
      // The first batch starts at once (no batch before it); the second after the first's 5 ms and a 5 ms linger.
      expect(batches.map(({ at, items }) => [at - start, items])).toEqual([
        [0, ['a']],
        [10, ['b']],
      ]);
      // The same measure is what the consumer's duration histogram observes.
      expect(took).toEqual([5, 5]);
    });

    it('waits longer as its batches slow down under load, up to the cap, and takes what came meanwhile as one', async () => {
      const durations = [40, 300, 5];
      const { consumer, batches } = followingLanes(() => durations.shift() ?? 5);
      const start = Date.now();
      consumer.push('case-1', 'a');
      await jest.advanceTimersByTimeAsync(10);
      consumer.push('case-2', 'b');
      await jest.advanceTimersByTimeAsync(60);
      consumer.push('case-3', 'c');
      await jest.advanceTimersByTimeAsync(500);
      consumer.push('case-4', 'd');
      consumer.push('case-5', 'e');
      await jest.advanceTimersByTimeAsync(500);
      expect(batches.map(({ at, items }) => [at - start, items])).toEqual([
        [0, ['a']],
        // 40 ms batch, then 40 ms of linger: 'c' (at 70 ms) joins 'b'.
        [80, ['b', 'c']],
        // The 300 ms batch ends at 380; 'd' and 'e' came at 570 and wait at most the 100 ms cap.
        [670, ['d', 'e']],
      ]);
    });
  });
});
