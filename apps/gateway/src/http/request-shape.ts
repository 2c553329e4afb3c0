import { ProblemError } from '@mediation/platform';
import { PROBLEM_TYPES } from '@mediation/protocol';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { DiscoveredRoute } from '../docs/discover-routes';

/** Deeper than any body the API takes (a contract definition is about ten levels), far below what breaks a parser. */
export const MAX_BODY_DEPTH = 32;

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** The methods served on each /v1 path pattern, to tell "no such path" (404) from "not this method" (405), and those taking multipart uploads. */
function methodsByPattern(routes: DiscoveredRoute[]): { pattern: RegExp; methods: Set<string>; multipart: Set<string> }[] {
  const byPath = new Map<string, { methods: Set<string>; multipart: Set<string> }>();
  for (const route of routes) {
    const entry = byPath.get(route.path) ?? { methods: new Set<string>(), multipart: new Set<string>() };
    entry.methods.add(route.method.toUpperCase());
    if (route.operation?.multipart) entry.multipart.add(route.method.toUpperCase());
    byPath.set(route.path, entry);
  }
  return [...byPath].map(([path, entry]) => ({ pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}/?$`), ...entry }));
}

/**
 * Before the body is read: a method a path does not serve is a 405 with `Allow`, and a body that is
 * not JSON on a JSON route is a 415 naming the type accepted (instead of a 400 about missing fields).
 */
export function refuseUnservedRequests(routes: DiscoveredRoute[]): RequestHandler {
  const patterns = methodsByPattern(routes);
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/v1/')) return next();
    const matching = patterns.filter(({ pattern }) => pattern.test(req.path));
    const served = new Set(matching.flatMap(({ methods }) => [...methods, ...(methods.has('GET') ? ['HEAD'] : [])]));
    if (matching.length > 0 && !served.has(req.method)) {
      const allow = [...served].sort().join(', ');
      res.setHeader('Allow', allow);
      return next(
        new ProblemError({
          type: PROBLEM_TYPES.methodNotAllowed,
          title: 'Method not allowed',
          status: 405,
          detail: `${req.method} is not served on ${req.path}; it serves ${allow}.`,
        }),
      );
    }
    // An upload route streams its multipart body through untouched (no parser here reads it).
    if (matching.some(({ multipart }) => multipart.has(req.method))) return next();
    if (WITH_BODY.has(req.method) && hasBody(req) && !req.is('application/json')) {
      res.setHeader('Accept', 'application/json');
      return next(
        new ProblemError({
          type: PROBLEM_TYPES.unsupportedMediaType,
          title: 'Unsupported media type',
          status: 415,
          detail: `The body must be JSON, sent as Content-Type: application/json (not ${req.headers['content-type'] ?? 'no content type'}).`,
          errors: [{ field: 'Content-Type', message: 'must be application/json', code: 'unsupported_media_type' }],
        }),
      );
    }
    next();
  };
}

/** After JSON parsing: a body nested deeper than the limit is a 400 naming it, before anything recurses over it. */
export function refuseDeepBodies(maxDepth = MAX_BODY_DEPTH): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (depthExceeds(req.body, maxDepth)) {
      return next(
        ProblemError.validation(
          [{ field: '(body)', message: `is nested more than ${maxDepth} levels deep`, code: 'too_deep' }],
          `The body is nested more than ${maxDepth} levels deep, the most this API accepts.`,
        ),
      );
    }
    next();
  };
}

/** Whether a parsed JSON value nests objects or arrays more than `max` deep, found without recursion. */
export function depthExceeds(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}
