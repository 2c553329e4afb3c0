import { defineRpc, type RpcMeta } from '@mediation/protocol';
import { z } from 'zod';
import type { NatsConnectionService } from '../nats/nats.connection';
import { DEFAULT_RPC_TIMEOUT_MS, RpcClient } from './rpc.client';

const Echo = defineRpc({
  service: 'intake',
  verb: 'echo',
  description: 'Answers what it is asked.',
  request: z.object({ said: z.string() }),
  response: z.object({ echoed: z.string() }),
});
const meta: RpcMeta = { organisationId: '0190a000-0000-7000-8000-000000000001', actorId: 'user:u', actorType: 'user', correlationId: 'rpc-unit' };

/** A NATS connection that answers every request at once, remembering how long each caller said it would wait. */
function answering() {
  const timeouts: number[] = [];
  const nats = {
    names: { rpc: (subject: string) => subject },
    nc: {
      request: async (_subject: string, _payload: string, options: { timeout: number }) => (
        timeouts.push(options.timeout),
        { string: () => JSON.stringify({ ok: true, data: { echoed: 'x' } }) }
      ),
    },
  } as unknown as NatsConnectionService;
  return { nats, timeouts };
}

describe('the RPC client’s timeout', () => {
  it('is the service’s own, set once, for every call that names none', async () => {
    const { nats, timeouts } = answering();
    const client = new RpcClient(nats, { rpcTimeoutMs: 1_250 });
    await client.call(Echo, meta, { said: 'a' });
    await client.call(Echo, meta, { said: 'b' });
    expect(timeouts).toEqual([1_250, 1_250]);
  });

  it('is 5 seconds when the service sets none', async () => {
    const { nats, timeouts } = answering();
    await new RpcClient(nats).call(Echo, meta, { said: 'a' });
    expect(timeouts).toEqual([DEFAULT_RPC_TIMEOUT_MS]);
    expect(DEFAULT_RPC_TIMEOUT_MS).toBe(5_000);
  });

  it('can be overridden by a call that must wait longer', async () => {
    const { nats, timeouts } = answering();
    await new RpcClient(nats, { rpcTimeoutMs: 1_250 }).call(Echo, meta, { said: 'a' }, 15_000);
    expect(timeouts).toEqual([15_000]);
  });
});
