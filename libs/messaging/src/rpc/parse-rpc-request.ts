import { parseOrThrow } from '@mediation/platform';
import { RpcMetaSchema, type RpcDefinition, type RpcMeta } from '@mediation/protocol';
import type { z } from 'zod';

/** Validates an incoming request's metadata and data against its contract; bad data names the field. */
export function parseRpcRequest<D extends RpcDefinition>(definition: D, raw: unknown): { meta: RpcMeta; data: z.infer<D['request']> } {
  const request = (raw ?? {}) as { meta?: unknown; data?: unknown };
  const meta = RpcMetaSchema.parse(request.meta);
  const data = parseOrThrow(definition.request, request.data ?? {}) as z.infer<D['request']>;
  return { meta, data };
}
