import { SpanStatusCode } from '@opentelemetry/api';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { routeOf } from '../metrics/http-metrics';
import { SpanKind, startSpan, traceContextFrom, withTraceContext } from './tracing';

/**
 * The HTTP server span of a request, continuing the caller's `traceparent` if it sent one. An interceptor,
 * not a middleware: it runs after the body is read, so the handler and everything it awaits (the RPC to
 * the next service) run inside the span's context.
 */
export class TraceInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType() !== 'http') return next.handle();
    const req = execution.switchToHttp().getRequest<Request>();
    const res = execution.switchToHttp().getResponse<Response>();
    const route = routeOf(req);
    const { span, context } = startSpan(`${req.method} ${route}`, {
      kind: SpanKind.SERVER,
      parent: traceContextFrom(req.headers as Record<string, unknown>),
      attributes: { 'http.request.method': req.method, 'http.route': route },
    });
    res.once('finish', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    return new Observable((subscriber) => withTraceContext(context, () => next.handle().subscribe(subscriber)));
  }
}
