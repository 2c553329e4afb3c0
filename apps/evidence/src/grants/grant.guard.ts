import { createParamDecorator, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { EVIDENCE_GRANT_HEADER, verifyEvidenceGrant, type EvidenceGrant } from '@mediation/protocol';
import type { Request } from 'express';
import { EVIDENCE_CONFIG, type EvidenceConfig } from '../config/evidence.config';

type GrantedRequest = Request & { grant?: EvidenceGrant };

/**
 * The internal file routes trust nobody but the gateway: each request must carry a grant the gateway
 * signed for exactly this method and path, minutes old at most, naming who is asking. The gateway has
 * already authenticated them, checked their role and need-to-know; this port is not published.
 */
@Injectable()
export class GrantGuard implements CanActivate {
  constructor(
    @Inject(EVIDENCE_CONFIG) private readonly config: EvidenceConfig,
    private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<GrantedRequest>();
    const token = req.headers[EVIDENCE_GRANT_HEADER];
    const verdict = verifyEvidenceGrant(this.config.EVIDENCE_GRANT_KEY, typeof token === 'string' ? token : undefined, {
      method: req.method,
      path: req.path,
      now: this.clock.now().getTime(),
    });
    if (!verdict.ok) throw ProblemError.unauthenticated(`The evidence service's file routes answer only the gateway (${verdict.reason}).`);
    req.grant = verdict.grant;
    return true;
  }
}

/** The verified grant of the request: its meta is who is asking. */
export const Grant = createParamDecorator((_: unknown, ctx: ExecutionContext): EvidenceGrant => {
  const grant = ctx.switchToHttp().getRequest<GrantedRequest>().grant;
  if (!grant) throw new Error('Grant used on a route without GrantGuard');
  return grant;
});
