import { ANSWERED_OVERLOADED, ProblemError } from '@mediation/platform';
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
  const limitsSeen: number[] = [];
  const app = express();
  app.use(admitWithinCapacity(limits, { refused: () => (refused += 1), limitChanged: (places) => limitsSeen.push(places) }));
  app.get('/v1/cases/:id', (req, res) => {
    started.push(req.params.id);
    held.push(() => void (res.headersSent || res.json({ id: req.params.id })));
  });
  // A service that answers at once, one that refuses as busy (as the gateway relays an RPC refused unstarted), and a stopped one.
  app.get('/v1/quick', (_req, res) => res.json({ ok: true }));
  app.get('/v1/busy', () => {
    throw ProblemError.busy('The intake service is busy and did not start this request; nothing was done.');
  });
  app.get('/v1/stopped', () => {
    throw ProblemError.unavailable('The evidence service is not running; try again shortly.');
  });
  app.get('/health', (_req, res) => res.json({ status: 'ok' }));
  app.use((error: ProblemError, _req: Request, res: Response, _next: NextFunction) => {
    // What ProblemFilter does for the admission's sake.
    if (error.overloaded) res.locals[ANSWERED_OVERLOADED] = true;
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
  return { server, url, held, started, get, until, refusals: () => refused, limitsSeen };
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

  it('answers a refusal itself as problem JSON, not through the error handlers after it', async () => {
    gateway = await gatewayWith({ maxInFlight: 1, queueMs: 50 });
    void gateway.get('/v1/cases/a');
    await gateway.until(() => gateway.started.length === 1);
    const refused = await fetch(`${gateway.url}/v1/cases/b`);
    expect(refused.status).toBe(503);
    // The app's own error handler answers application/json: this is the platform's problem answer.
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await refused.json()).toMatchObject({ status: 503, instance: '/v1/cases/b', correlationId: expect.any(String) });
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

  it('after a service answers busy, works on a quarter fewer at once and keeps the rest in line', async () => {
    gateway = await gatewayWith({ maxInFlight: 8, queueMs: 5_000 });
    expect((await gateway.get('/v1/busy')).status).toBe(503);
    expect(gateway.limitsSeen).toEqual([6]);
    const requests = Array.from({ length: 8 }, (_, i) => gateway.get(`/v1/cases/${i}`));
    await gateway.until(() => gateway.started.length === 6);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(gateway.started).toHaveLength(6);
    gateway.held.splice(0).forEach((finish) => finish());
    await gateway.until(() => gateway.started.length === 8);
    gateway.held.splice(0).forEach((finish) => finish());
    expect((await Promise.all(requests)).map((r) => r.status)).toEqual(Array(8).fill(200));
  });

  it('does not shrink for a stopped service, which is not a sign of overload', async () => {
    gateway = await gatewayWith({ maxInFlight: 8, queueMs: 5_000 });
    expect((await gateway.get('/v1/stopped')).status).toBe(503);
    expect(gateway.limitsSeen).toEqual([]);
  });

  it('counts a burst of busy answers as one step down, and never goes below four places', async () => {
    gateway = await gatewayWith({ maxInFlight: 5, queueMs: 5_000 });
    await Promise.all(Array.from({ length: 5 }, () => gateway.get('/v1/busy')));
    expect(gateway.limitsSeen).toEqual([4]);
  });

  it('gives the places back as answers come, one for as many answers as it has places, up to its most', async () => {
    gateway = await gatewayWith({ maxInFlight: 8, queueMs: 5_000 });
    await gateway.get('/v1/busy');
    let answered = 0;
    while (gateway.limitsSeen.at(-1) !== 8) {
      await gateway.get('/v1/quick');
      answered += 1;
    }
    // 6 -> 7 after about six answers, 7 -> 8 after about seven more.
    expect(gateway.limitsSeen).toEqual([6, 7, 8]);
    expect(answered).toBeGreaterThanOrEqual(12);
    expect(answered).toBeLessThanOrEqual(14);
    for (let i = 0; i < 20; i += 1) await gateway.get('/v1/quick');
    expect(gateway.limitsSeen).toEqual([6, 7, 8]);
  });

  it('knows the event feed asked to wait as a long poll, and nothing else', () => {
    const request = (method: string, path: string, query: Record<string, string>) => ({ method, path, query }) as unknown as Request;
    expect(isEventFeedLongPoll(request('GET', '/v1/events', { wait: '30' }))).toBe(true);
    expect(isEventFeedLongPoll(request('GET', '/v1/events', { wait: '0' }))).toBe(false);
    expect(isEventFeedLongPoll(request('GET', '/v1/events', {}))).toBe(false);
    expect(isEventFeedLongPoll(request('GET', '/v1/cases', { wait: '30' }))).toBe(false);
  });
});
