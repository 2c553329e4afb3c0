import { eventsHandled, PlatformUnderTest, sendSteadyReferrals, settledReferralTrail, storedReferrals, waitUntil } from '@mediation/testing';

jest.setTimeout(240_000);

const REPLICATED = { intake: 'intake', casework: 'casework', scheduling: 'scheduling', notify: 'notify' } as const;
type Replicated = keyof typeof REPLICATED;
/** Steady and modest: this runs on a shared two-core machine beside twelve service processes. */
const RATE_PER_S = 4;
const AFTER_KILL_S = 6;

describe('two replicas each of intake, casework, scheduling and notify', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    // A loaded machine answers slowly: only a request to the killed intake should end in 503.
    platform = await PlatformUnderTest.start({ replicas: { intake: 2, casework: 2, scheduling: 2, notify: 2 }, env: { RPC_TIMEOUT_MS: '15000' } });
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  /** The replica leading the service's outbox relay: the lease holder is `<host>-<pid>-<random>`. */
  async function relayLeader(service: Replicated): Promise<string> {
    const [lease] = await platform.sql<{ holder: string }>(`SELECT holder FROM "${service}".outbox_relay_lease WHERE expires_at > now()`);
    const pid = Number(lease?.holder.split('-').at(-2));
    return platform.replicas(service).find((label) => platform.pid(label) === pid) ?? platform.replicas(service)[0];
  }

  it('share the work, and when one replica of each is killed with -9 mid-load, every referral has exactly one case, its deadlines and one acknowledgement', async () => {
    // A steady stream of referrals, until a few seconds after the kill.
    const kill: { at?: number } = {};
    const load = sendSteadyReferrals(platform, RATE_PER_S, () => kill.at !== undefined && Date.now() - kill.at >= AFTER_KILL_S * 1000);

    // Both replicas of each service take part: the durable consumers share the stream.
    const labels = (Object.keys(REPLICATED) as Replicated[]).flatMap((service) => platform.replicas(service));
    const before = await waitUntil(
      async () => {
        const counts = Object.fromEntries(await Promise.all(labels.map(async (label) => [label, await eventsHandled(platform, label)] as const)));
        return Object.values(counts).every((n) => n > 0) ? counts : undefined;
      },
      { what: 'every replica to have handled events', timeoutMs: 60_000, intervalMs: 500 },
    );
    // Then the relay leader among each service's replicas dies, so a follower must take its lease over.
    const killed = await Promise.all((Object.keys(REPLICATED) as Replicated[]).map(relayLeader));
    await Promise.all(killed.map((label) => platform.kill(label)));
    kill.at = Date.now();
    const results = await Promise.all(await load);
    expect(Object.keys(before).sort()).toEqual(['casework', 'casework#2', 'intake', 'intake#2', 'notify', 'notify#2', 'scheduling', 'scheduling#2']);
    expect(killed).toHaveLength(4);

    // Every 201 is a stored referral; a request cut off by the kill may have been stored too (a 503 says it may).
    const accepted = results.filter((r) => r.status === 201);
    // The only refusals: requests to the intake replica that died, which the gateway answers 503 after its timeout.
    expect(results.filter((r) => r.status !== 201 && r.status !== 503)).toEqual([]);
    // Under the load of a shared machine a few more may time out; the test needs a real stream of them.
    expect(accepted.length).toBeGreaterThan(results.length / 2);
    const stored = await storedReferrals(platform);
    expect(stored.map((r) => r.id)).toEqual(expect.arrayContaining(accepted.map((r) => r.id)));

    expect(await settledReferralTrail(platform, stored, 'first-visit,initial-contact')).toEqual({
      duplicated: [],
      deadlinesChanged: [],
      duplicateDeliveries: 0,
    });
  });
});
