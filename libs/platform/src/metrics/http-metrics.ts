import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { MetricsService } from './metrics.service';

/** The route pattern a request matched (`/v1/cases/:id`), or `unmatched`: a label and a span name that stay few however many ids pass. */
export function routeOf(req: Request): string {
  return req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
}

/**
 * Rate, errors and duration of every HTTP route, labelled by the route's pattern (`/v1/cases/:id`),
 * never the path itself, so a million case ids stay one series. Requests no route matched count as
 * `unmatched`.
 */
export function recordHttpMetrics(app: INestApplication, metrics: MetricsService): void {
  const requests = metrics.counter('http_requests_total', 'HTTP requests answered, by route, method and status', ['route', 'method', 'status']);
  const durations = metrics.histogram('http_request_duration_seconds', 'Time to answer an HTTP request, by route and method', ['route', 'method']);
  app.use((req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = routeOf(req);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      requests.inc({ route, method: req.method, status: String(res.statusCode) });
      durations.observe({ route, method: req.method }, seconds);
    });
    next();
  });
}
