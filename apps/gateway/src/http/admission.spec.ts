import { ProblemError } from '@mediation/platform';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { isEventFeedLongPoll } from '../webhooks/events-feed.controller';
import { admitWithinCapacity, type AdmissionLimits } from './admission';

/** An API whose requests each wait until the test lets them finish, behind the admission under test. */
async function gatewayWith(limits: AdmissionLimits) {
  const held: (() => void)[] = [];
  const started: string[] = [];
  let refused = 0;
  const app = express();
  app.use(admitWithinCapacity(limits, () => (refused += 1)));
  app.get('/v1/cases/:id', (req, res) => {
    started.push(req.params.id);
    held.push(() => void (res.headersSent || res.json({ id: req.params.id })));
  });
  app.get('/health', (_req, res) => res.json({ status: 'ok' }));
  app.use((error: ProblemError, _req: Request, res: Response, _next: NextFunction) => {
    res.status(error.problem.status).set(error.headers).json(error.problem);
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = (path: string) =>
    fetch(`${url}${path}`).then(async (res) => ({ status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() }));
  const until = async (condition: () => boolean) => {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { server, held, started, get, until, refusals: () => refused };
}

describe('the gateway at capacity', () => {
  let gateway: Awaited<ReturnType<typeof gatewayWith>>;
  afterEach(async () => {
    gateway.held.splice(0).forEach((finish) => finish());
    gateway.server.closeAllConnections();
    await new Promise((resolve) => gateway.server.close(resolve));
  });

  it('refuses a request that waited its time in line with a 503 and Retry-After, without starting it', async () => {
    gateway = await gatewayWith({ maxInFlight: 2, queueMs: 100 });
    const first = gateway.get('/v1/cases/a');
    const second = gateway.get('/v1/cases/b');
    await gateway.until(() => gateway.started.length === 2);
    const third = await gateway.get('/v1/cases/c');
    expect(third).toEqual({
      status: 503,
      retryAfter: '1',
      body: expect.objectContaining({
        detail: expect.stringMatching(
          /^The gateway is at capacity \(2 requests in progress\) and did not start this request after 100 ms in line; nothing was done/,
        ),
      }),
    });
    expect(gateway.started).toEqual(['a', 'b']);
    expect(gateway.refusals()).toBe(1);
    gateway.held.splice(0).forEach((finish) => finish());
    expect((await Promise.all([first, second])).map((r) => r.status)).toEqual([200, 200]);
  });

  it('admits the first in line when a request in progress finishes, in the order they came', async () => {
    gateway = await gatewayWith({ maxInFlight: 1, queueMs: 5_000 });
    const first = gateway.get('/v1/cases/a');
    await gateway.until(() => gateway.started.length === 1);
    const second = gateway.get('/v1/cases/b');
    const third = gateway.get('/v1/cases/c');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(gateway.started).toEqual(['a']);
    gateway.held.shift()!();
    await gateway.until(() => gateway.started.length === 2);
    gateway.held.shift()!();
    await gateway.until(() => gateway.started.length === 3);
    gateway.held.shift()!();
    expect((await Promise.all([first, second, third])).map((r) => (r.body as { id: string }).id)).toEqual(['a', 'b', 'c']);
    expect(gateway.started).toEqual(['a', 'b', 'c']);
    expect(gateway.refusals()).toBe(0);
  });

  it('gives the place of a caller that hung up, in progress or in line, to the next', async () => {
    gateway = await gatewayWith({ maxInFlight: 1, queueMs: 5_000 });
    const port = (gateway.server.address() as AddressInfo).port;
    const hangUpA = new AbortController();
    const hangUpB = new AbortController();
    void fetch(`http://127.0.0.1:${port}/v1/cases/a`, { signal: hangUpA.signal }).catch(() => undefined);
    await gateway.until(() => gateway.started.length === 1);
    void fetch(`http://127.0.0.1:${port}/v1/cases/b`, { signal: hangUpB.signal }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const third = gateway.get('/v1/cases/c');
    await new Promise((resolve) => setTimeout(resolve, 30));
    hangUpB.abort();
    await new Promise((resolve) => setTimeout(resolve, 30));
    hangUpA.abort();
    await gateway.until(() => gateway.started.length === 2);
    expect(gateway.started).toEqual(['a', 'c']);
    gateway.held[1]();
    expect((await third).body).toEqual({ id: 'c' });
  });

  it('does not count health and docs routes', async () => {
    gateway = await gatewayWith({ maxInFlight: 1, queueMs: 50 });
    void gateway.get('/v1/cases/a');
    await gateway.until(() => gateway.started.length === 1);
    expect((await gateway.get('/health')).status).toBe(200);
  });

  it('does not count a long poll, which holds its request open on purpose', async () => {
    gateway = await gatewayWith({ maxInFlight: 1, queueMs: 50, exempt: (req) => req.query.wait !== undefined });
    void gateway.get('/v1/cases/a');
    await gateway.until(() => gateway.started.length === 1);
    void gateway.get('/v1/cases/b?wait=30');
    await gateway.until(() => gateway.started.length === 2);
    expect((await gateway.get('/v1/cases/c')).status).toBe(503);
    expect(gateway.started).toEqual(['a', 'b']);
  });

  it('knows the event feed asked to wait as a long poll, and nothing else', () => {
    const request = (method: string, path: string, query: Record<string, string>) => ({ method, path, query }) as unknown as Request;
    expect(isEventFeedLongPoll(request('GET', '/v1/events', { wait: '30' }))).toBe(true);
    expect(isEventFeedLongPoll(request('GET', '/v1/events', { wait: '0' }))).toBe(false);
    expect(isEventFeedLongPoll(request('GET', '/v1/events', {}))).toBe(false);
    expect(isEventFeedLongPoll(request('GET', '/v1/cases', { wait: '30' }))).toBe(false);
  });
});
