import { z } from 'zod';
import { ProblemSchema } from '../common/problem.schema';

/** Who is asking: set by the gateway after authentication, trusted by services. */
export const RpcMetaSchema = z
  .object({
    organisationId: z.uuid().describe('The tenant the request acts for; every query is scoped by it.'),
    actorId: z
      .string()
      .min(1)
      .describe(
        'Who is asking, already naming its kind (`user:<id>`, `api-key:<id>`, or a system name): record it as it is, never prefixed again with actorType.',
      ),
    actorType: z.enum(['api-key', 'user', 'system']).describe('What kind of actor it is.'),
    correlationId: z.string().min(1).describe('Ties the request to its logs and the events it causes.'),
    restrictToContracts: z
      .array(z.uuid())
      .optional()
      .describe(
        'Set for referrers and commissioners: the only contracts this request may see or touch (empty = none). Services must filter reads and refuse writes outside it. Absent = no limit beyond the organisation.',
      ),
  })
  .describe('Request metadata.');
export type RpcMeta = z.infer<typeof RpcMetaSchema>;

/** The request of a verb that takes nothing beyond its metadata. */
export const NoParamsSchema = z.object({}).strict().describe('No parameters.');

export interface RpcDefinition<TReq extends z.ZodType = z.ZodType, TRes extends z.ZodType = z.ZodType> {
  readonly service: string;
  readonly verb: string;
  /** `rpc.<service>.<verb>`; the queue group is the service name. */
  readonly subject: string;
  readonly description: string;
  readonly request: TReq;
  readonly response: TRes;
}

export function defineRpc<TReq extends z.ZodType, TRes extends z.ZodType>(definition: {
  service: string;
  verb: string;
  description: string;
  request: TReq;
  response: TRes;
}): RpcDefinition<TReq, TRes> {
  return { ...definition, subject: `rpc.${definition.service}.${definition.verb}` };
}

export const RpcReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    problem: ProblemSchema,
    busy: z.literal(true).optional().describe('Set when the service refused the request unstarted because it was past its capacity.'),
  }),
]);
export type RpcReply = z.infer<typeof RpcReplySchema>;

export interface RpcRequest<T = unknown> {
  meta: RpcMeta;
  data: T;
}
