import { ProblemError } from '@mediation/platform';
import type { Request, Response } from 'express';
import type { DiscoveredRoute } from '../docs/discover-routes';
import { depthExceeds, refuseDeepBodies, refuseUnservedRequests } from './request-shape';

const ROUTES = [
  { method: 'get', path: '/v1/api-keys' },
  { method: 'post', path: '/v1/api-keys' },
  { method: 'delete', path: '/v1/api-keys/{id}' },
  { method: 'get', path: '/v1/cases/{id}' },
  { method: 'post', path: '/v1/cases/{id}/notes' },
] as DiscoveredRoute[];

/** What a middleware did with a request: passed it on, or refused it with a status and headers. */
function through(handler: ReturnType<typeof refuseUnservedRequests>, method: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  const set: Record<string, string> = {};
  const req = { method, path, headers, body, is: (type: string) => (headers['content-type'] ?? '').split(';')[0].trim() === type } as unknown as Request;
  const res = { setHeader: (name: string, value: string) => (set[name] = value) } as unknown as Response;
  let outcome: { passed: true } | { status: number; headers: Record<string, string>; detail?: string } = { passed: true };
  handler(req, res, (error?: unknown) => {
    if (error instanceof ProblemError) outcome = { status: error.problem.status, headers: set, detail: error.problem.detail };
  });
  return outcome;
}

describe('a method a path does not serve', () => {
  const handler = refuseUnservedRequests(ROUTES);

  it('DELETE on /v1/cases/{id}, which is read with GET, is a 405 saying what is allowed', () => {
    expect(through(handler, 'DELETE', '/v1/cases/0190a000-0000-7000-8000-000000000001')).toMatchObject({ status: 405, headers: { Allow: 'GET, HEAD' } });
    expect(through(handler, 'PUT', '/v1/api-keys/')).toMatchObject({ status: 405, headers: { Allow: 'GET, HEAD, POST' } });
  });

  it('served methods, HEAD for GET, unknown paths and paths outside /v1 pass on (a 404 stays a 404)', () => {
    for (const [method, path] of [
      ['GET', '/v1/cases/x'],
      ['HEAD', '/v1/cases/x'],
      ['DELETE', '/v1/api-keys/x'],
      ['DELETE', '/v1/no-such-thing'],
      ['DELETE', '/v1/cases/x/notes/y'],
      ['POST', '/health/live'],
    ]) {
      expect({ method, path, outcome: through(handler, method, path) }).toEqual({ method, path, outcome: { passed: true } });
    }
  });
});

describe('a body that is not JSON', () => {
  const handler = refuseUnservedRequests(ROUTES);

  it('text/plain or a form on a JSON route is a 415 naming application/json', () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const outcome = through(handler, 'POST', '/v1/api-keys', { 'content-type': type, 'content-length': '12' });
      expect({ type, outcome }).toEqual({
        type,
        outcome: { status: 415, headers: { Accept: 'application/json' }, detail: expect.stringContaining('Content-Type: application/json') },
      });
    }
    expect(through(handler, 'POST', '/v1/api-keys', { 'transfer-encoding': 'chunked' })).toMatchObject({ status: 415 });
  });

  it('JSON (with a charset) and requests without a body pass on', () => {
    expect(through(handler, 'POST', '/v1/api-keys', { 'content-type': 'application/json; charset=utf-8', 'content-length': '2' })).toEqual({ passed: true });
    expect(through(handler, 'POST', '/v1/cases/x/notes', { 'content-type': 'text/plain', 'content-length': '0' })).toEqual({ passed: true });
  });
});

describe('a body nested too deep', () => {
  const nested = (depth: number) => Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: inner }), 'leaf');

  it('is measured without recursion, so 5,000 levels are counted rather than overflowing the stack', () => {
    expect(depthExceeds(nested(5_000), 32)).toBe(true);
    expect(depthExceeds(nested(32), 32)).toBe(false);
    expect(depthExceeds(nested(33), 32)).toBe(true);
    expect(depthExceeds([[[1]]], 2)).toBe(true);
    expect(depthExceeds({ parties: [{ name: 'Sam' }], answers: { a: 1 } }, 3)).toBe(false);
  });

  it('is a 400 naming the limit', () => {
    const outcome = through(refuseDeepBodies(32), 'POST', '/v1/referrals', {}, { answers: nested(5_000) });
    expect(outcome).toMatchObject({ status: 400, detail: 'The body is nested more than 32 levels deep, the most this API accepts.' });
    expect(through(refuseDeepBodies(32), 'POST', '/v1/referrals', {}, { answers: nested(10) })).toEqual({ passed: true });
  });
});
