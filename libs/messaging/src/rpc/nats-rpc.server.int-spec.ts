import { connect, type NatsConnection } from '@nats-io/transport-node';
import { defineRpc, type RpcMeta } from '@mediation/protocol';
import { createTestNamespace, type TestNamespace } from '@mediation/testing';
import { z } from 'zod';
import type { NatsConnectionService } from '../nats/nats.connection';
import type { ProblemError } from '@mediation/platform';
import { NatsRpcServer } from './nats-rpc.server';
import { RpcClient } from './rpc.client';

jest.setTimeout(30_000);

const Slow = defineRpc({
  service: 'intake',
  verb: 'slow',
  description: 'Takes its time.',
  request: z.object({ n: z.number() }),
  response: z.object({ n: z.number() }),
});
const meta: RpcMeta = { organisationId: '0190a000-0000-7000-8000-000000000001', actorId: 'user:u', actorType: 'user', correlationId: 'rpc-server-int' };

describe('the RPC server under overload, against real NATS', () => {
  let ns: TestNamespace;
  let nc: NatsConnection;
  let server: NatsRpcServer;

  beforeAll(async () => {
    ns = createTestNamespace('rpcs');
    nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
  });

  afterAll(async () => {
    await server?.close();
    await nc?.close();
  });

  /** A fresh server whose requests each hold their slot for 400 ms: the 16 slots take the first 16, the next wait 400 ms. */
  async function serveSlowly() {
    await server?.close();
    const nats = { nc, names: ns.names, connect: async () => undefined } as unknown as NatsConnectionService;
    server = new NatsRpcServer(nats, 'intake');
    const started: number[] = [];
    server.addHandler(Slow.subject, async (request: { data: { n: number } }) => {
      started.push(request.data.n);
      await new Promise((resolve) => setTimeout(resolve, 400));
      return { n: request.data.n };
    });
    await new Promise<void>((resolve, reject) => server.listen((error?: unknown) => (error ? reject(error) : resolve())));
    return { client: new RpcClient(nats), started };
  }

  it('does not start a request whose caller stopped waiting while it queued, and answers the rest', async () => {
    const { client, started } = await serveSlowly();
    // The first 16 wait long enough; the 16 queued behind them give up after 300 ms, before a slot frees.
    const calls = Array.from({ length: 32 }, (_, n) =>
      client.call(Slow, meta, { n }, n < 16 ? 5_000 : 300).then(
        () => 'answered',
        () => 'gave up',
      ),
    );
    const outcomes = await Promise.all(calls);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(outcomes.filter((o) => o === 'answered')).toHaveLength(16);
    expect(outcomes.slice(16).every((o) => o === 'gave up')).toBe(true);
    // None of those the callers had given up on was started once a slot freed.
    expect(started.sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, n) => n));
  });

  it("refuses a request that queued past a quarter of its caller's wait with a 503 saying nothing was done, while the caller still waits", async () => {
    const { client, started } = await serveSlowly();
    // The 16 behind the first 16 wait 1 s, so 250 ms is their share in the line: at 400 ms they are refused, in time to hear it.
    const calls = Array.from({ length: 32 }, (_, n) =>
      client.call(Slow, meta, { n }, n < 16 ? 5_000 : 1_000).then(
        () => undefined,
        (error: ProblemError) => error,
      ),
    );
    const outcomes = await Promise.all(calls);
    expect(outcomes.slice(0, 16).every((o) => o === undefined)).toBe(true);
    for (const refusal of outcomes.slice(16)) {
      expect(refusal?.problem.status).toBe(503);
      expect(refusal?.problem.detail).toMatch(/^The intake service is busy and did not start this request \(it waited \d+ ms for a turn\); nothing was done/);
      expect(refusal?.headers['Retry-After']).toBe('1');
    }
    expect(started.sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, n) => n));
  });
});
