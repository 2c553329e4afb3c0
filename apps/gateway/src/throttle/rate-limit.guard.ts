import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemError } from '@mediation/platform';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/principal';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { RATE_LIMIT, type RateLimitRule } from './rate-limit.decorator';
import { RateLimiter } from './rate-limiter';

const MINUTE = 60_000;

/**
 * Runs after the access guard, so an authenticated caller is counted as itself (an API key or a
 * person) and a public route by client IP. Answers carry the IETF `RateLimit-*` headers; past the
 * limit the answer is 429 with `Retry-After`.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger(RateLimitGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    @Inject(GATEWAY_CONFIG) private readonly config: Pick<GatewayConfig, 'RATE_LIMIT_PER_MINUTE' | 'RATE_LIMIT_PUBLIC_PER_MINUTE' | 'SIGN_IN_PER_MINUTE'>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!req.path.startsWith('/v1/')) return true;
    const rule = this.ruleFor(context, req);
    const limit = typeof rule.limit === 'number' ? rule.limit : this.config[rule.limit];
    const id = rule.by === 'principal' && req.principal ? req.principal.actorId : `ip:${req.ip ?? 'unknown'}`;
    let decision;
    try {
      decision = await this.limiter.hit(rule.bucket, id, limit, rule.windowMs);
    } catch (error) {
      // Fail open: a Redis outage must not take the API down; the limits come back with Redis.
      this.logger.warn(`rate limit not checked (${(error as Error).message})`);
      return true;
    }
    const res = context.switchToHttp().getResponse<Response>();
    const resetSeconds = Math.ceil(decision.resetMs / 1000);
    res.setHeader('RateLimit-Limit', String(decision.limit));
    res.setHeader('RateLimit-Remaining', String(decision.remaining));
    res.setHeader('RateLimit-Reset', String(resetSeconds));
    if (decision.allowed) return true;
    res.setHeader('Retry-After', String(resetSeconds));
    throw ProblemError.tooManyRequests(
      `More than ${decision.limit} requests in ${Math.round(rule.windowMs / 1000)} s (${rule.bucket}); retry in ${resetSeconds} s.`,
    );
  }

  private ruleFor(context: ExecutionContext, req: AuthenticatedRequest): RateLimitRule {
    const declared = this.reflector.getAllAndOverride<RateLimitRule | undefined>(RATE_LIMIT, [context.getHandler(), context.getClass()]);
    if (declared) return declared;
    if (req.principal) return { bucket: 'api', limit: this.config.RATE_LIMIT_PER_MINUTE, windowMs: MINUTE, by: 'principal' };
    return { bucket: 'public', limit: this.config.RATE_LIMIT_PUBLIC_PER_MINUTE, windowMs: MINUTE, by: 'ip' };
  }
}
