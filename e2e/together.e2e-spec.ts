import { eventsHandled, PlatformUnderTest, sendSteadyReferrals, settledReferralTrail, storedReferrals, waitUntil } from '@mediation/testing';

jest.setTimeout(240_000);

const RATE_PER_S = 4;
/** How long the consumers' process stays dead mid-load, and how long the load goes on after it is back. */
const DEAD_MS = 3_000;
const AFTER_RESTART_S = 5;

// `npm start -- --together 2`: the gateway and intake in one process (apps/host), every other service but the console in
// another. Each service keeps its own connections, consumers, relay, ports and /metrics, so nothing it guarantees alone
// may change: this is the replicas test's kill, for a process holding seven services.
describe('services run together in two processes (apps/host)', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start({ together: '2', env: { RPC_TIMEOUT_MS: '15000' } });
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('share two processes, each service on its own ports', () => {
    expect(platform.pid('casework')).toBe(platform.pid('notify'));
    expect(platform.pid('gateway')).toBe(platform.pid('intake'));
    expect(platform.pid('gateway')).not.toBe(platform.pid('casework'));
    expect(platform.pid('console')).not.toBe(platform.pid('gateway'));
  });

  it('when the consumers’ process is killed with -9 mid-load and started again, every referral has exactly one case, its deadlines and one acknowledgement', async () => {
    const restarted: { at?: number } = {};
    const load = sendSteadyReferrals(platform, RATE_PER_S, () => restarted.at !== undefined && Date.now() - restarted.at >= AFTER_RESTART_S * 1000);
    await waitUntil(async () => ((await eventsHandled(platform, 'casework')) > 0 && (await eventsHandled(platform, 'scheduling')) > 0) || undefined, {
      what: 'casework and scheduling to have handled events',
      timeoutMs: 60_000,
      intervalMs: 500,
    });
    const pid = platform.pid('casework');
    await platform.kill('casework');
    await new Promise((resolve) => setTimeout(resolve, DEAD_MS));
    await platform.restart('casework');
    restarted.at = Date.now();
    expect(platform.pid('scheduling')).toBe(platform.pid('casework'));
    expect(platform.pid('casework')).not.toBe(pid);

    const results = await Promise.all(await load);
    // The gateway and intake lived on: every referral sent was accepted, the ones sent while the consumers were dead too.
    expect(results.filter((r) => r.status !== 201)).toEqual([]);
    const stored = await storedReferrals(platform);
    expect(stored.map((r) => r.id).sort()).toEqual(results.map((r) => r.id).sort());
    expect(await settledReferralTrail(platform, stored, 'first-visit,initial-contact')).toEqual({
      duplicated: [],
      deadlinesChanged: [],
      duplicateDeliveries: 0,
    });
  });

  it('SIGTERM stops every service of a process in order, more signals while they drain do not cut it short, and the process exits 0', async () => {
    // Ctrl-C reaches both the host and `npm start`, which then sends SIGTERM too: the host hears every signal.
    process.kill(platform.pid('gateway')!, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await platform.stop('gateway')).toEqual({ code: 0, signal: null });
    // The last lines may still be in the pipe when the exit is seen.
    await waitUntil(async () => /SIGTERM: shutting down intake/.test(platform.logs('gateway').join('\n')) || undefined, {
      what: "the host's last log lines",
      timeoutMs: 5_000,
      intervalMs: 50,
    });
    const logs = platform.logs('gateway').join('\n');
    expect(logs).toContain('SIGTERM: shutting down gateway');
    expect(logs).toContain('SIGTERM: shutting down intake');
  });
});
