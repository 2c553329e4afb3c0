import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { catchError, concatMap, from, throwError, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/principal';
import { auditRecordOf, isWrite, statusOf } from './audit-request';
import { AuditWriter } from './audit-writer';
import { requireAccessReason, SENSITIVE_READ, type SensitiveReadSpec } from './sensitive-read';

/**
 * Records every write through /v1, and every read of a route marked @SensitiveRead, once it has
 * completed, whether it succeeded or ended in a problem, before the caller gets the answer.
 * Requests the guard refused (401, 403) never reach here: they did nothing, and the access log has them.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly writer: AuditWriter,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const sensitive = this.reflector.getAllAndOverride<SensitiveReadSpec | undefined>(SENSITIVE_READ, [context.getHandler(), context.getClass()]);
    if (!req.principal || !req.path.startsWith('/v1/') || (!sensitive && !isWrite(req.method))) return next.handle();
    // Asked before the handler runs, so protected data is never read without a reason.
    const extra = sensitive
      ? { resourceType: sensitive.resourceType, accessReason: requireAccessReason(req.headers), dataCategories: sensitive.categories }
      : {};
    return next.handle().pipe(
      catchError((error: unknown) =>
        from(this.writer.write(auditRecordOf(req, statusOf(error), undefined, extra))).pipe(concatMap(() => throwError(() => error))),
      ),
      concatMap(async (answer: unknown) => {
        await this.writer.write(auditRecordOf(req, res.statusCode, answer, extra));
        return answer;
      }),
    );
  }
}
