import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemError } from '@mediation/platform';
import { AuthFailures, keyIdOf, type AuthAttempt } from '../throttle/auth-failures';
import { AuthenticateUseCase } from './authenticate.use-case';
import type { AuthenticatedRequest } from './principal';
import { ACCESS_RULE, type AccessRule } from './access';
import { PUBLIC_ROUTE } from './public.decorator';
import type { Principal } from './principal';

/** Nothing is open by default: a /v1 route is public, or its caller is authenticated and passes its access rule. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticate: AuthenticateUseCase,
    private readonly failures: AuthFailures,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // Health and readiness (shared by every service) live outside /v1 and need no key; metrics are on a port of their own.
    if (!req.path.startsWith('/v1/') || this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    req.principal = await this.authenticated(req);
    const refusal = refuse(req.principal, this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets));
    if (refusal) throw ProblemError.forbidden(refusal);
    return true;
  }

  /** A caller that keeps failing is throttled before its credential is checked; every 401 counts against it. */
  private async authenticated(req: AuthenticatedRequest): Promise<Principal> {
    const attempt: AuthAttempt = { clientAddress: req.ip ?? 'unknown', keyId: keyIdOf(req.headers.authorization) };
    await this.failures.refuseIfThrottled(attempt);
    try {
      return await this.authenticate.execute(req.headers.authorization);
    } catch (error) {
      if (error instanceof ProblemError && error.problem.status === 401) await this.failures.record(attempt);
      throw error;
    }
  }
}

/** Why the principal may not use a route with this rule, or undefined when it may. */
export function refuse(principal: Principal, rule: AccessRule | undefined): string | undefined {
  if (!rule) return 'This route declares no access rule, so it is closed.';
  if (principal.actorType === 'api-key') {
    if (rule.everyApiKey) return undefined;
    const missing = rule.scopes.filter((scope) => !principal.scopes.includes(scope));
    if (rule.scopes.length === 0) return 'This route is not open to API keys.';
    return missing.length > 0 ? `The API key lacks the scope(s) ${missing.join(', ')}.` : undefined;
  }
  return rule.roles.some((role) => principal.roles.includes(role)) ? undefined : `This route needs one of the roles ${rule.roles.join(', ')}.`;
}
