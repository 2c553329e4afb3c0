import { HttpException } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { isStorableText } from '@mediation/protocol';
import type { AuthenticatedRequest } from '../auth/principal';
import type { AuditRecord } from './audit-record';

/** GET, HEAD and OPTIONS change nothing; every other method through /v1 is a write and is recorded. */
export const isWrite = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());

/** `referrals` -> `referral`, `api-keys` -> `api-key`, `audit` stays: the kind of resource a /v1 route is about. */
export function resourceTypeOf(routePath: string): string | null {
  const segment = routePath.split('/').filter(Boolean)[1];
  if (!segment || segment.startsWith(':')) return null;
  return segment.endsWith('s') && !segment.endsWith('ss') ? segment.slice(0, -1) : segment;
}

/** The status the caller gets for an error, as the problem filter will render it. */
export function statusOf(error: unknown): number {
  if (error instanceof ProblemError) return error.problem.status;
  if (error instanceof HttpException) return error.getStatus();
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

/** `::ffff:203.0.113.7` -> `203.0.113.7`. */
const plainIp = (ip: string | undefined) => (ip ? ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '') : null);

/**
 * The audit record of a request the guard let through: who (from the principal), what (the method and
 * route pattern, and the resource when the path or the answer names it), how it ended, and from where.
 */
export function auditRecordOf(
  req: AuthenticatedRequest,
  outcome: number,
  answer: unknown,
  extra: { resourceType?: string; accessReason?: string; dataCategories?: AuditRecord['dataCategories'] } = {},
): AuditRecord {
  const principal = req.principal!;
  const route = `${req.baseUrl ?? ''}${(req.route as { path?: string } | undefined)?.path ?? req.path}`;
  const answeredId = typeof (answer as { id?: unknown })?.id === 'string' ? (answer as { id: string }).id : null;
  const userAgent = req.headers['user-agent'];
  return {
    organisationId: principal.organisationId,
    actorId: principal.actorId,
    actorType: principal.actorType,
    actorRoles: [...principal.roles],
    action: `${req.method.toUpperCase()} ${route}`,
    resourceType: extra.resourceType ?? resourceTypeOf(route),
    // A path id the route refused as unstorable text (a NUL) is left out, so the refusal itself is still recorded.
    resourceId: (typeof req.params?.id === 'string' && isStorableText(req.params.id) ? req.params.id : null) ?? answeredId,
    outcome,
    clientIp: plainIp(req.ip ?? req.socket?.remoteAddress),
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 500) : null,
    correlationId: req.id !== undefined ? String(req.id) : null,
    accessReason: extra.accessReason ?? null,
    dataCategories: extra.dataCategories ?? [],
  };
}
