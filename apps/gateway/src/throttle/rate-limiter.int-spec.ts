import { LifecycleService } from '@mediation/platform';
import { randomBytes } from 'node:crypto';
import { GatewayRedis } from './gateway-redis';
import { RateLimiter } from './rate-limiter';
import { SlidingLog } from './sliding-log';

jest.setTimeout(30_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the rate limit: a sliding window in Redis shared by every gateway replica', () => {
  let redis: GatewayRedis;
  let replicas: RateLimiter[];

  beforeAll(async () => {
    redis = new GatewayRedis(
      { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', NATS_NAMESPACE: `ratelimit${randomBytes(4).toString('hex')}` },
      new LifecycleService(),
    );
    await redis.onModuleInit();
    replicas = [new RateLimiter(redis), new RateLimiter(redis)];
  });

  afterAll(async () => {
    const keys = await redis.client.keys(`${redis.prefix}*`);
    if (keys.length) await redis.client.del(...keys);
    await redis.client.quit();
  });

  it('three guesses a window are allowed across two replicas and the fourth is refused, with the time until the first leaves', async () => {
    const decisions = [];
    for (const replica of [0, 1, 0, 1]) decisions.push(await replicas[replica].hit('sign-in', 'ip:203.0.113.7', 3, 60_000));
    expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(decisions[3].resetMs).toBeGreaterThan(55_000);
    expect(decisions[3].resetMs).toBeLessThanOrEqual(60_000);
  });

  it('a caller refused for knocking too hard is allowed again once its first request is a window old, and not before', async () => {
    const hit = () => replicas[0].hit('api', 'key-knocking', 2, 1_500);
    expect((await hit()).allowed).toBe(true);
    await sleep(700);
    expect((await hit()).allowed).toBe(true);
    // Refusals go uncounted: knocking on does not push the caller's allowance further away.
    for (let i = 0; i < 5; i += 1) expect((await hit()).allowed).toBe(false);
    // A fixed window boundary would fall somewhere in here; the first request has not left the window yet.
    const refused = await hit();
    expect(refused.allowed).toBe(false);
    await sleep(refused.resetMs + 50);
    const again = await hit();
    expect(again).toMatchObject({ allowed: true, remaining: 0 });
    // The second of the first two is still inside the window.
    expect((await hit()).allowed).toBe(false);
  });

  it('buckets and callers are counted apart', async () => {
    expect((await replicas[0].hit('sign-in', 'ip:198.51.100.1', 1, 60_000)).allowed).toBe(true);
    expect((await replicas[0].hit('sign-in', 'ip:198.51.100.1', 1, 60_000)).allowed).toBe(false);
    expect((await replicas[0].hit('sign-in', 'ip:198.51.100.2', 1, 60_000)).allowed).toBe(true);
    expect((await replicas[0].hit('public', 'ip:198.51.100.1', 1, 60_000)).allowed).toBe(true);
  });

  it('failures are counted whatever their number, and two keys are read in one round trip', async () => {
    const log = new SlidingLog(redis.client);
    const [address, key] = [`${redis.prefix}failed-auth:ip:192.0.2.9`, `${redis.prefix}failed-auth:key:0123456789abcdef`];
    for (let i = 0; i < 7; i += 1) await log.add(address, 60_000);
    await log.add(key, 60_000);
    const [byAddress, byKey, untouched] = await log.peek([address, key, `${redis.prefix}failed-auth:ip:192.0.2.10`], 60_000);
    expect([byAddress.count, byKey.count, untouched.count]).toEqual([7, 1, 0]);
    expect(byAddress.untilOldestLeavesMs).toBeGreaterThan(55_000);
    expect(untouched.untilOldestLeavesMs).toBe(60_000);
  });
});
