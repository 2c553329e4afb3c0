import { PlatformUnderTest, RedisServer, sendSteadyReferrals, settledReferralTrail, storedReferrals } from '@mediation/testing';

jest.setTimeout(300_000);

const RATE_PER_S = 4;
const SECONDS_DOWN = 8;
const SECONDS_AFTER = 6;
/** The promise: once Redis answers again, every acknowledgement is out within this. */
const CATCH_UP_MS = 30_000;

describe('Redis killed with -9 mid-load and restarted empty, as when it runs without persistence', () => {
  let redis: RedisServer;
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    redis = await RedisServer.start();
    platform = await PlatformUnderTest.start({ env: { REDIS_URL: redis.url, RPC_TIMEOUT_MS: '15000' } });
  });

  afterAll(async () => {
    await platform?.shutdown();
    await redis?.stop();
  });

  it('sends every acknowledgement within 30 s of Redis answering again, and puts every pending deadline’s alarm back', async () => {
    const phase: { backAt?: number } = {};
    const load = sendSteadyReferrals(platform, RATE_PER_S, () => phase.backAt !== undefined && Date.now() - phase.backAt >= SECONDS_AFTER * 1000);
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    await redis.kill();
    await new Promise((resolve) => setTimeout(resolve, SECONDS_DOWN * 1000));
    await redis.launch();
    phase.backAt = Date.now();
    const results = await Promise.all(await load);

    // Redis holds jobs, not referrals: intake and casework keep accepting while it is down.
    expect(results.filter((r) => r.status !== 201 && r.status !== 503)).toEqual([]);
    const stored = await storedReferrals(platform);
    expect(stored.length).toBeGreaterThan(results.length / 2);
    const left = phase.backAt + CATCH_UP_MS - Date.now();
    expect(await settledReferralTrail(platform, stored, 'first-visit,initial-contact', Math.max(left, 1_000))).toEqual({
      duplicated: [],
      deadlinesChanged: [],
      duplicateDeliveries: 0,
    });

    // PostgreSQL is the truth: every provider deadline still pending has its alarm in the emptied Redis again.
    const pending = await platform.sql<{ id: string; revision: number }>(
      `SELECT id::text, revision FROM scheduling.deadline WHERE status = 'pending' AND kind = 'provider' AND due_at IS NOT NULL`,
    );
    expect(pending.length).toBeGreaterThan(stored.length);
    const client = redis.client();
    try {
      const prefix = `bull-${platform.env.NATS_NAMESPACE}:deadlines`;
      const missing = [];
      for (const d of pending) if (!(await client.exists(`${prefix}:deadline-${d.id}-r${d.revision}`))) missing.push(d.id);
      expect(missing).toEqual([]);
    } finally {
      client.disconnect();
    }
  });
});
