import { connect, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { ProblemError } from '@mediation/platform';
import { defineRpc, type RpcMeta } from '@mediation/protocol';
import { createTestNamespace, type TestNamespace } from '@mediation/testing';
import { z } from 'zod';
import type { NatsConnectionService } from '../nats/nats.connection';
import { RpcClient } from './rpc.client';

jest.setTimeout(30_000);

const Echo = defineRpc({
  service: 'intake',
  verb: 'echo',
  description: 'Answers what it is asked.',
  request: z.object({ answers: z.unknown() }),
  response: z.object({ echoed: z.string() }),
});
const meta: RpcMeta = { organisationId: '0190a000-0000-7000-8000-000000000001', actorId: 'user:u', actorType: 'user', correlationId: 'rpc-int' };

/** What a call came to: its answer, or the status and detail of the problem it became. */
async function outcome(call: Promise<unknown>): Promise<unknown> {
  try {
    return { answered: await call };
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    return { status: error.problem.status, detail: error.problem.detail, ...(error.problem.status === 503 ? { overloaded: error.overloaded } : {}) };
  }
}

describe('the RPC client against real NATS: only silence is "did not answer"', () => {
  let ns: TestNamespace;
  let nc: NatsConnection;
  let client: RpcClient;
  let responder: Subscription | undefined;
  let received: number;

  /** The intake side of `rpc.intake.echo`, answering with whatever `reply` makes of the request. */
  const answerWith = (reply: (request: string) => string | undefined) => {
    responder = nc.subscribe(ns.names.rpc(Echo.subject), {
      callback: (_error, msg) => {
        received += 1;
        const answer = reply(msg.string());
        if (answer !== undefined) msg.respond(answer);
      },
    });
  };

  beforeAll(async () => {
    ns = createTestNamespace('rpc');
    nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    client = new RpcClient({ nc, names: ns.names } as unknown as NatsConnectionService);
  });

  beforeEach(() => {
    received = 0;
  });

  afterEach(async () => {
    await responder?.drain();
    responder = undefined;
  });

  afterAll(async () => {
    await nc?.close();
    await ns?.cleanup();
  });

  it('a request that cannot be encoded (nested 5,000 deep) is a 500 saying nothing was sent, not a 503 inviting a retry', async () => {
    answerWith(() => JSON.stringify({ ok: true, data: { echoed: 'x' } }));
    const deep = Array.from({ length: 5_000 }).reduce<unknown>((inner) => [inner], 'leaf');
    expect(await outcome(client.call(Echo, meta, { answers: deep }, 2_000))).toEqual({
      status: 500,
      detail: expect.stringMatching(/^The request to the intake service could not be encoded .*nothing was sent\.$/),
    });
    await nc.flush();
    expect(received).toBe(0);
  });

  it('a service that refuses answers with its own problem, passed on as it is', async () => {
    answerWith(() =>
      JSON.stringify({
        ok: false,
        problem: {
          type: 'https://mediation.example/problems/validation',
          title: 'Invalid request',
          status: 400,
          detail: 'answers.x is wrong',
          errors: [{ field: 'answers.x', message: 'is wrong' }],
        },
      }),
    );
    expect(await outcome(client.call(Echo, meta, { answers: {} }, 2_000))).toEqual({ status: 400, detail: 'answers.x is wrong' });
  });

  it('a reply that cannot be read, or breaks the verb’s contract, is a 502 from the gateway', async () => {
    answerWith(() => 'not json at all');
    expect(await outcome(client.call(Echo, meta, { answers: {} }, 2_000))).toMatchObject({ status: 502 });
    await responder?.drain();
    answerWith(() => JSON.stringify({ ok: true, data: { echoed: 42 } }));
    expect(await outcome(client.call(Echo, meta, { answers: {} }, 2_000))).toMatchObject({ status: 502 });
  });

  it('no one listening is a 503 "not running"; someone listening who stays silent is a 503 "did not answer" that may have been processed, and a sign of overload', async () => {
    expect(await outcome(client.call(Echo, meta, { answers: {} }, 2_000))).toEqual({
      status: 503,
      detail: 'The intake service is not running; try again shortly.',
      overloaded: false,
    });
    answerWith(() => undefined);
    expect(await outcome(client.call(Echo, meta, { answers: {} }, 300))).toEqual({
      status: 503,
      detail: expect.stringMatching(/did not answer within 300 ms\. The request may still have been processed/),
      overloaded: true,
    });
  });

  it('an answer is returned, parsed by the verb’s response schema', async () => {
    answerWith((request) => JSON.stringify({ ok: true, data: { echoed: (JSON.parse(request) as { data: { answers: string } }).data.answers } }));
    expect(await outcome(client.call(Echo, meta, { answers: 'hello' }, 2_000))).toEqual({ answered: { echoed: 'hello' } });
  });
});
