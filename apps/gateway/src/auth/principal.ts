import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { RpcMeta } from '@mediation/protocol';
import type { Request } from 'express';
import type { Role } from './access';

/** Who is calling, established by the API-key guard; every service call is scoped by it. */
export interface Principal {
  organisationId: string;
  actorId: string;
  actorType: 'api-key' | 'user';
  /** A person's roles; empty for an API key. */
  roles: readonly Role[];
  /** An API key's scopes; empty for a person. */
  scopes: readonly string[];
}

export type AuthenticatedRequest = Request & { principal?: Principal; id?: string };

export const CurrentMeta = createParamDecorator((_: unknown, ctx: ExecutionContext): RpcMeta => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!req.principal) throw new Error('CurrentMeta used on a route the guard did not authenticate');
  return { organisationId: req.principal.organisationId, actorId: req.principal.actorId, actorType: req.principal.actorType, correlationId: String(req.id) };
});
