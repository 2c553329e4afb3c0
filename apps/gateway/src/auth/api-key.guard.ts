import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PROBLEM_TYPES } from '@mediation/protocol';
import { ProblemError } from '@mediation/platform';
import { AuthenticateUseCase } from './authenticate.use-case';
import type { AuthenticatedRequest } from './principal';
import { PUBLIC_ROUTE, REQUIRED_SCOPES } from './scopes.decorator';

/** Nothing is open by default: a route is public, or it needs a valid key with its scopes. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticate: AuthenticateUseCase,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // Health, readiness and metrics (shared by every service) live outside /v1 and need no key.
    if (!req.path.startsWith('/v1/') || this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    req.principal = await this.authenticate.execute(req.headers.authorization);
    const required = this.reflector.getAllAndOverride<string[]>(REQUIRED_SCOPES, targets) ?? [];
    const missing = required.filter((scope) => !req.principal!.scopes.includes(scope));
    if (required.length === 0 || missing.length > 0) {
      throw new ProblemError({
        type: PROBLEM_TYPES.forbidden,
        title: 'Forbidden',
        status: 403,
        detail: required.length === 0 ? 'This route is not open to API keys.' : `The API key lacks the scope(s) ${missing.join(', ')}.`,
      });
    }
    return true;
  }
}
