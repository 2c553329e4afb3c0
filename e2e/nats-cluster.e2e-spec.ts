import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { NatsCluster, PlatformUnderTest, sendSteadyReferrals, settledReferralTrail, storedReferrals } from '@mediation/testing';

jest.setTimeout(300_000);

/** Steady and modest: three NATS servers and the platform's services share two cores. */
const RATE_PER_S = 4;
const SECONDS_DOWN = 10;
const SECONDS_AFTER = 6;

describe('a three-node NATS cluster that loses a node mid-load', () => {
  let cluster: NatsCluster;
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    cluster = await NatsCluster.start(3);
    // Every service connects with the cluster's seed list and keeps three copies of each stream.
    platform = await PlatformUnderTest.start({ env: { NATS_URL: cluster.url, NATS_STREAM_REPLICAS: '3', RPC_TIMEOUT_MS: '15000' } });
  });

  afterAll(async () => {
    await platform?.shutdown();
    await cluster?.stop();
  });

  it('keeps three replicas of the event stream, and when a node is killed with -9 and restarted, every referral has one case, its deadlines and one acknowledgement', async () => {
    const nc = await connect({ servers: cluster.url });
    const jsm = await jetstreamManager(nc);
    const stream = await jsm.streams.info(`EVENTS_${platform.env.NATS_NAMESPACE.toUpperCase()}`);
    expect(stream.config.num_replicas).toBe(3);
    // The stream's leader is the node whose death hurts most: kill that one.
    const leader = Number(stream.cluster?.leader?.replace(/^n/, '')) - 1;
    await nc.close();
    expect(leader).toBeGreaterThanOrEqual(0);

    const phase: { restartedAt?: number } = {};
    const load = sendSteadyReferrals(platform, RATE_PER_S, () => phase.restartedAt !== undefined && Date.now() - phase.restartedAt >= SECONDS_AFTER * 1000);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await cluster.kill(leader);
    await new Promise((resolve) => setTimeout(resolve, SECONDS_DOWN * 1000));
    await cluster.restart(leader);
    phase.restartedAt = Date.now();
    const results = await Promise.all(await load);

    // While the cluster elects new leaders a request may time out (503: it may have been stored); nothing else fails.
    expect(results.filter((r) => r.status !== 201 && r.status !== 503)).toEqual([]);
    const accepted = results.filter((r) => r.status === 201);
    expect(accepted.length).toBeGreaterThan(results.length / 2);
    const stored = await storedReferrals(platform);
    expect(stored.map((r) => r.id)).toEqual(expect.arrayContaining(accepted.map((r) => r.id)));
    expect(await settledReferralTrail(platform, stored, 'first-visit,initial-contact', 120_000)).toEqual({
      duplicated: [],
      deadlinesChanged: [],
      duplicateDeliveries: 0,
    });
  });
});
