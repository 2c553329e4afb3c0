import { connect, type NatsConnection } from '@nats-io/transport-node';
import { defineRpc, type RpcMeta } from '@mediation/protocol';
import { createTestNamespace, waitUntil, type TestNamespace } from '@mediation/testing';
import { z } from 'zod';
import type { NatsConnectionService } from '../nats/nats.connection';
import type { ProblemError } from '@mediation/platform';
import { HOLDS_OPEN, NatsRpcServer } from './nats-rpc.server';
import { RpcClient } from './rpc.client';

jest.setTimeout(30_000);

const Slow = defineRpc({
  service: 'intake',
  verb: 'slow',
  description: 'Takes its time.',
  request: z.object({ n: z.number() }),
  response: z.object({ n: z.number() }),
});
const LongPoll = defineRpc({
  service: 'intake',
  verb: 'long-poll',
  description: 'Waits for news on purpose.',
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

  /** Requests each hold their slot this long: the 16 slots take the first 16, the next wait about this long for one. */
  const HOLD_MS = 1_000;

  /**
   * A fresh server whose requests each hold their slot HOLD_MS, and a way to send 32 requests: the first 16 are
   * started before the other 16 are sent, so those find every slot taken however slowly a loaded machine sends.
   */
  async function serveSlowly() {
    await server?.close();
    const nats = { nc, names: ns.names, connect: async () => undefined } as unknown as NatsConnectionService;
    server = new NatsRpcServer(nats, 'intake');
    const started: number[] = [];
    server.addHandler(Slow.subject, async (request: { data: { n: number } }) => {
      started.push(request.data.n);
      await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
      return { n: request.data.n };
    });
    await new Promise<void>((resolve, reject) => server.listen((error?: unknown) => (error ? reject(error) : resolve())));
    const client = new RpcClient(nats);
    const send = async <T>(lastWaitMs: number, settle: (call: Promise<unknown>) => Promise<T>): Promise<T[]> => {
      const first = Array.from({ length: 16 }, (_, n) => settle(client.call(Slow, meta, { n }, 5_000)));
      await waitUntil(async () => started.length === 16 || undefined, { what: 'the first 16 requests started', timeoutMs: 5_000, intervalMs: 10 });
      const last = Array.from({ length: 16 }, (_, n) => settle(client.call(Slow, meta, { n: 16 + n }, lastWaitMs)));
      return Promise.all([...first, ...last]);
    };
    return { send, started };
  }

  it('does not start a request whose caller stopped waiting while it queued, and answers the rest', async () => {
    const { send, started } = await serveSlowly();
    // The 16 queued behind the first give up after 300 ms, long before a slot frees.
    const outcomes = await send(300, (call) =>
      call.then(
        () => 'answered',
        () => 'gave up',
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS + 200));
    expect(outcomes.filter((o) => o === 'answered')).toHaveLength(16);
    expect(outcomes.slice(16).every((o) => o === 'gave up')).toBe(true);
    // None of those the callers had given up on was started once a slot freed.
    expect(started.sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, n) => n));
  });

  it("refuses a request that queued past a quarter of its caller's wait with a 503 saying nothing was done, while the caller still waits", async () => {
    const { send, started } = await serveSlowly();
    // The 16 behind the first wait 2 s, so 500 ms is their share in the line: at about 1 s they are refused, in time to hear it.
    const outcomes = await send(2_000, (call) =>
      call.then(
        () => undefined,
        (error: ProblemError) => error,
      ),
    );
    expect(outcomes.slice(0, 16).every((o) => o === undefined)).toBe(true);
    for (const refusal of outcomes.slice(16)) {
      expect(refusal?.problem.status).toBe(503);
      expect(refusal?.problem.detail).toMatch(/^The intake service is busy and did not start this request \(it waited \d+ ms for a turn\); nothing was done/);
      expect(refusal?.headers['Retry-After']).toBe('1');
      // The caller learns it was refused for capacity, so the gateway's admission works on fewer at once.
      expect(refusal?.overloaded).toBe(true);
    }
    expect(started.sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, n) => n));
  });

  it('answers its work while long polls wait, since a request held open on purpose takes none of the 16 turns', async () => {
    await server?.close();
    const nats = { nc, names: ns.names, connect: async () => undefined } as unknown as NatsConnectionService;
    server = new NatsRpcServer(nats, 'intake');
    let polling = 0;
    server.addHandler(
      LongPoll.subject,
      async (request: { data: { n: number } }) => {
        polling += 1;
        await new Promise((resolve) => setTimeout(resolve, 4_000));
        return { n: request.data.n };
      },
      false,
      HOLDS_OPEN,
    );
    server.addHandler(Slow.subject, async (request: { data: { n: number } }) => ({ n: request.data.n }));
    await new Promise<void>((resolve, reject) => server.listen((error?: unknown) => (error ? reject(error) : resolve())));
    const client = new RpcClient(nats);
    const polls = Array.from({ length: 20 }, (_, n) => client.call(LongPoll, meta, { n }, 6_000));
    await waitUntil(async () => polling === 20 || undefined, { what: 'all 20 long polls held open', timeoutMs: 5_000, intervalMs: 10 });
    // Had the polls taken turns, these would queue behind them past a quarter of their 2 s and be refused busy.
    const work = await Promise.all(Array.from({ length: 16 }, (_, n) => client.call(Slow, meta, { n }, 2_000)));
    expect(work.map((answer) => answer.n)).toEqual(Array.from({ length: 16 }, (_, n) => n));
    expect((await Promise.all(polls)).map((answer) => answer.n)).toEqual(Array.from({ length: 20 }, (_, n) => n));
  });
});
