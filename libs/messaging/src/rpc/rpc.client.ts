import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { RpcReplySchema, type RpcDefinition, type RpcMeta } from '@mediation/protocol';
import type { z } from 'zod';
import { NatsConnectionService } from '../nats/nats.connection';

export const DEFAULT_RPC_TIMEOUT_MS = 5_000;

/** The gateway's side of request/reply: a slow or absent service becomes a clear 503. */
@Injectable()
export class RpcClient {
  constructor(private readonly nats: NatsConnectionService) {}

  async call<D extends RpcDefinition>(definition: D, meta: RpcMeta, data: z.input<D['request']>, timeoutMs = DEFAULT_RPC_TIMEOUT_MS): Promise<z.infer<D['response']>> {
    let raw: string;
    try {
      const msg = await this.nats.nc.request(this.nats.names.rpc(definition.subject), JSON.stringify({ meta, data }), { timeout: timeoutMs });
      raw = msg.string();
    } catch (error) {
      const noResponders = /no responders|503/i.test(String((error as Error)?.message) + String((error as { cause?: Error })?.cause?.message));
      throw ProblemError.unavailable(
        noResponders
          ? `The ${definition.service} service is not running; try again shortly.`
          : // A request that timed out may still be processed: say so, and how to retry without a duplicate.
            `The ${definition.service} service did not answer within ${timeoutMs} ms. The request may still have been processed: retry with the same Idempotency-Key to be safe.`,
      );
    }
    const reply = RpcReplySchema.parse(JSON.parse(raw));
    if (!reply.ok) throw new ProblemError(reply.problem);
    return definition.response.parse(reply.data) as z.infer<D['response']>;
  }
}
