import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { DiscoveredRoute } from './discover-routes';

/** The route a concrete /v1 path was served by: of several that match, the one with the fewest parameters (`/v1/cases/summary` over `/v1/cases/{id}`). */
function routeOf(routes: { route: DiscoveredRoute; pattern: RegExp; params: number }[], method: string, urlPath: string): DiscoveredRoute | undefined {
  return routes.filter((r) => r.route.method === method && r.pattern.test(urlPath)).sort((a, b) => a.params - b.params)[0]?.route;
}

/**
 * Test runs only (RECORD_RESPONSES_TO): notes each distinct (route, status, query parameters) the gateway answered,
 * so `tools/test/check-declared-responses.mjs` can show the OpenAPI document declares what the API really does.
 */
export function recordServedResponses(routes: DiscoveredRoute[], directory: string): RequestHandler {
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, `gateway-${process.pid}.jsonl`);
  const patterns = routes.map((route) => ({
    route,
    pattern: new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}/?$`),
    params: (route.path.match(/\{/g) ?? []).length,
  }));
  const seen = new Set<string>();
  return (req: Request, res: Response, next: NextFunction) => {
    res.on('finish', () => {
      const route = req.path.startsWith('/v1/') ? routeOf(patterns, req.method.toLowerCase(), req.path) : undefined;
      if (!route) return;
      const line = JSON.stringify({ method: route.method, path: route.path, status: res.statusCode, query: Object.keys(req.query ?? {}).sort() });
      if (seen.has(line)) return;
      seen.add(line);
      appendFileSync(file, `${line}\n`);
    });
    next();
  };
}
