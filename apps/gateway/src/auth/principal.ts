import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { RpcMeta } from '@mediation/protocol';
import type { Request } from 'express';
import type { Role } from './access';

/** Who is calling, established by the access guard from an API key or a person's token; every service call is scoped by it. */
export interface Principal {
  organisationId: string;
  actorId: string;
  actorType: 'api-key' | 'user';
  /** A person's roles; empty for an API key. */
  roles: readonly Role[];
  /** An API key's scopes; empty for a person. */
  scopes: readonly string[];
  /** Set for referrers and commissioners: the only contracts they may see (empty = none); absent = the whole organisation. */
  contractIds?: readonly string[];
  /** A person's linked staff profile in scheduling (null when not linked); absent for an API key, which has none. */
  staffId?: string | null;
}

export type AuthenticatedRequest = Request & { principal?: Principal; id?: string };

/** The RPC metadata of an authenticated request: every service call is made as its caller. */
export function metaOf(req: AuthenticatedRequest): RpcMeta {
  if (!req.principal) throw new Error('RPC metadata asked for on a route the guard did not authenticate');
  const { organisationId, actorId, actorType, contractIds } = req.principal;
  return { organisationId, actorId, actorType, correlationId: String(req.id), ...(contractIds ? { restrictToContracts: [...contractIds] } : {}) };
}

export const CurrentMeta = createParamDecorator((_: unknown, ctx: ExecutionContext): RpcMeta => metaOf(ctx.switchToHttp().getRequest<AuthenticatedRequest>()));

/** The authenticated caller itself, for routes about the caller (`GET /v1/me`). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!req.principal) throw new Error('CurrentPrincipal used on a route the guard did not authenticate');
  return req.principal;
});
