import { randomBytes } from 'node:crypto';
import { LifecycleService } from '@mediation/platform';
import { uuidv7 } from '@mediation/protocol';
import { SharedEndpointLanes, type LaneSlot } from './shared-endpoint-lanes';

jest.setTimeout(30_000);

/** Two replicas' limiters over one real Redis: the per-endpoint limits hold for both together. */
describe('per-endpoint limits shared by every replica (Redis)', () => {
  const lifecycles: LifecycleService[] = [];
  const namespace = `lanes${randomBytes(4).toString('hex')}`;

  async function replica(concurrency: number, perSecond: number): Promise<SharedEndpointLanes> {
    const lifecycle = new LifecycleService();
    lifecycles.push(lifecycle);
    const lanes = new SharedEndpointLanes(
      {
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        NATS_NAMESPACE: namespace,
        WEBHOOKS_ENDPOINT_CONCURRENCY: concurrency,
        WEBHOOKS_ENDPOINT_RATE_PER_SECOND: perSecond,
        WEBHOOKS_TIMEOUT_MS: 15_000,
      },
      lifecycle,
    );
    await lanes.onModuleInit();
    return lanes;
  }

  afterAll(async () => {
    for (const lifecycle of lifecycles) await lifecycle.shutdown(5_000);
  });

  it('two replicas together hold at most WEBHOOKS_ENDPOINT_CONCURRENCY attempts to one endpoint, and a slot given back is free to either', async () => {
    const [a, b] = [await replica(3, 1000), await replica(3, 1000)];
    const endpoint = uuidv7();
    const slots = await Promise.all([a, b, a, b, a, b].map((lanes) => lanes.tryEnter(endpoint)));
    const taken = slots.filter((s): s is LaneSlot => s !== null);
    expect(taken).toHaveLength(3);
    expect(taken.every((s) => !s.local)).toBe(true);
    expect(await b.tryEnter(endpoint)).toBeNull();
    // Another endpoint is not held up by this one.
    expect(await b.tryEnter(uuidv7())).not.toBeNull();
    await a.leave(taken[0]);
    expect(await b.tryEnter(endpoint)).not.toBeNull();
    expect(await a.tryEnter(endpoint)).toBeNull();
  });

  it('two replicas together start at most WEBHOOKS_ENDPOINT_RATE_PER_SECOND attempts a second to one endpoint', async () => {
    const [a, b] = [await replica(100, 5), await replica(100, 5)];
    const endpoint = uuidv7();
    const first = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).tryEnter(endpoint)));
    expect(first.filter(Boolean)).toHaveLength(5);
    for (const slot of first) if (slot) await a.leave(slot);
    expect(await a.tryEnter(endpoint)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    const next = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).tryEnter(endpoint)));
    expect(next.filter(Boolean)).toHaveLength(5);
  });
});
