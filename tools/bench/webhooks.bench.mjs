#!/usr/bin/env node
// `npm run bench:webhooks`: how many webhook deliveries a second the webhooks service sends, how long an event takes to
// reach a partner, and whether one slow partner holds up the others.
//
//   events on JetStream (casework.case.closed.v1, published by the bench at a fixed rate)
//   -> the webhooks service's consumer (public event log + one delivery row per endpoint, one transaction)
//   -> BullMQ -> the dispatcher (signs, posts) -> a local HTTP receiver started by the bench, 50 endpoints on it,
//      one of which answers only after 5 s.
//
// It makes everything it needs and removes it afterwards, on success, on failure and on Ctrl-C: a database of its own
// (mediation_bench_<random>), a NATS/Redis namespace, the receiver and the built webhooks service on free ports. The
// event-to-delivery time is the receiver's clock minus the bench's just before it published the event (one process,
// one clock). Every (event, endpoint) pair is counted: lost ones and duplicates are reported.
//
//   npm run bench:webhooks -- [--rate 24] [--duration 10] [--endpoints 50] [--slow-ms 5000] [--drain-timeout 60]
//                             [--concurrency 100] [--replicas 1] [--keep] [--check]
//
// --replicas starts that many webhooks processes: the receiver counts the slow endpoint's requests open at once, which
// the per-endpoint limit (8, shared in Redis) caps over all of them.
// --rate is events a second; each goes to every endpoint, so the offered load is rate × endpoints deliveries a second.
// --check: a short functional run (`npm test` runs one): exits 1 when nothing was delivered, or any delivery was lost
// (the slow endpoint's too, so keep its backlog drainable) or duplicated.
//
// Needs a build (`npm run build`) and PostgreSQL, Redis and NATS (MIGRATION_DATABASE_URL, REDIS_URL, NATS_URL, else the
// standard local ports). Without --check it prints figures and asserts nothing.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import {
  checkInterrupted,
  children,
  cleanup,
  createBenchDatabase,
  freePort,
  Interrupted,
  isInterrupted,
  machine,
  ms,
  now,
  onCleanup,
  percentile,
  perSecond,
  portFree,
  registerNamespaceCleanup,
  sleep,
} from './bench-kit.mjs';

const require = createRequire(import.meta.url);
const { SERVICES, portsOf, startService, waitReady, stopService } = require('../dev/services.cjs');
const { applicationLoginUrl, migrationDatabaseUrl } = require('../db/database-urls.cjs');
const { Client } = require('pg');
const { connect: natsConnect } = require('@nats-io/transport-node');
const { jetstream } = require('@nats-io/jetstream');

const { values: flags } = parseArgs({
  options: {
    rate: { type: 'string', default: '24' },
    duration: { type: 'string', default: '10' },
    endpoints: { type: 'string', default: '50' },
    'slow-ms': { type: 'string', default: '5000' },
    'drain-timeout': { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '200' },
    replicas: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
  strict: true,
});
const number = (name, min) => {
  const value = Number(flags[name]);
  if (!Number.isFinite(value) || value < min) {
    console.error(`bench: --${name} must be a number of at least ${min}, not ${flags[name]}`);
    process.exit(2);
  }
  return value;
};
const RATE = number('rate', 0.1);
const DURATION_S = number('duration', 1);
const ENDPOINTS = Math.round(number('endpoints', 2));
const SLOW_MS = number('slow-ms', 0);
const DRAIN_TIMEOUT_S = number('drain-timeout', 1);
const CONCURRENCY = Math.round(number('concurrency', 1));
const REPLICAS = Math.round(number('replicas', 1));
/** WEBHOOKS_ENDPOINT_CONCURRENCY, the service's default: what the slow endpoint may be sent at once, over every replica. */
const ENDPOINT_CONCURRENCY = 8;

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const NATS_URL = process.env.NATS_URL || 'nats://127.0.0.1:4222';
const EVENT_TYPE = 'casework.case.closed.v1';
/** Endpoint 0 is the slow one. */
const SLOW = 0;
const log = (text) => process.stderr.write(`\x1b[2mbench: ${text}\x1b[0m\n`);

// ---------------------------------------------------------------------------------------------
// the partners' receiver: 50 endpoints on one local server, endpoint 0 slow

function startReceiver() {
  /** Per endpoint: webhook-id -> times received (ms). */
  const received = Array.from({ length: ENDPOINTS }, () => new Map());
  let count = 0;
  /** Requests to the slow endpoint open at once, now and at most: what the shared per-endpoint limit allows. */
  const slow = { open: 0, maxOpen: 0 };
  const server = createServer((req, res) => {
    const at = now();
    const endpoint = Number(/^\/e\/(\d+)$/.exec(req.url ?? '')?.[1] ?? -1);
    if (endpoint === SLOW) {
      slow.open += 1;
      slow.maxOpen = Math.max(slow.maxOpen, slow.open);
      res.once('close', () => (slow.open -= 1));
    }
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['webhook-id'] ?? '');
      if (endpoint >= 0 && endpoint < ENDPOINTS && id) {
        const times = received[endpoint].get(id) ?? [];
        times.push(at);
        received[endpoint].set(id, times);
        count += 1;
      }
      const answer = () => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      if (endpoint === SLOW && SLOW_MS > 0) setTimeout(answer, SLOW_MS);
      else answer();
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      onCleanup('receiver', () => {
        const closed = new Promise((done) => server.close(() => done()));
        server.closeAllConnections();
        return closed;
      });
      resolve({ port: server.address().port, received, slow, count: () => count });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// the webhooks service and its endpoints

/** Endpoints straight into the service's table (the owner's login, behind the tenant wall like the service). */
async function createEndpoints(databaseUrl, organisationId, receiverPort) {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.organisation_id', $1, true)`, [organisationId]);
    for (let i = 0; i < ENDPOINTS; i += 1)
      await db.query(`INSERT INTO webhooks.endpoint (id, organisation_id, url, event_types, description, secret) VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6)`, [
        randomUUID(),
        organisationId,
        `http://127.0.0.1:${receiverPort}/e/${i}`,
        [EVENT_TYPE],
        i === SLOW ? 'the slow partner' : `partner ${i}`,
        `whsec_${randomBytes(24).toString('base64')}`,
      ]);
    await db.query('COMMIT');
  } finally {
    await db.end();
  }
}

/** A port for the service (and its metrics port, 6400 above) that is free, away from the main bench's 4100-4109 and 10500-10509. */
async function servicePorts(service) {
  const index = SERVICES.findIndex((s) => s.name === service.name);
  for (let from = 4600; from < 5600;) {
    const port = await freePort(from);
    const basePort = port - index;
    if (await portFree(portsOf(service, { basePort }).metricsPort)) return basePort;
    from = port + 1;
  }
  throw new Error('no free port pair for the webhooks service between 4600 and 5600');
}

async function startWebhooks(env) {
  const service = SERVICES.find((s) => s.name === 'webhooks');
  const basePort = await servicePorts(service);
  const handles = [];
  let stopping = false;
  onCleanup('webhooks service', async () => {
    stopping = true;
    await Promise.all(handles.map((h) => stopService(h)));
  });
  for (let replica = 0; replica < REPLICAS; replica += 1) {
    if (replica > 0 && !(await portFree(portsOf(service, { basePort, replica }).port)))
      throw new Error(`port ${portsOf(service, { basePort, replica }).port} for replica ${replica + 1} is taken`);
    const handle = startService(service, env, { output: 'file', basePort, replica });
    children.add(handle.child);
    handles.push(handle);
  }
  const crash = new Promise((_, reject) => {
    for (const handle of handles)
      handle.exited.then(({ code, signal }) => {
        if (!stopping && !isInterrupted())
          reject(new Error(`${handle.label} stopped (code ${code}, signal ${signal}); its last lines:\n${handle.logs.slice(-30).join('\n')}`));
      });
  });
  crash.catch(() => undefined);
  await Promise.race([Promise.all(handles.map((h) => waitReady(h, 120_000))), crash]);
  return { handles, crash };
}

// ---------------------------------------------------------------------------------------------
// load: events at a fixed rate, open loop

async function publishEvents(namespace, organisationId, crash) {
  const nc = await natsConnect({ servers: NATS_URL, name: 'webhooks-bench' });
  onCleanup('NATS connection', () => nc.close());
  const js = jetstream(nc);
  const contractId = randomUUID();
  const subjectPrefix = `${namespace}.events.${organisationId}.`;
  const published = new Map();
  const total = Math.max(1, Math.round(RATE * DURATION_S));
  const started = now();
  const pending = [];
  for (let i = 0; i < total; i += 1) {
    checkInterrupted();
    const due = started + (i * 1000) / RATE;
    if (due > now()) await Promise.race([sleep(due - now()), crash]);
    const id = randomUUID();
    const caseId = randomUUID();
    const envelope = {
      specversion: '1.0',
      id,
      source: '/services/casework',
      type: EVENT_TYPE,
      subject: caseId,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      organisationid: organisationId,
      contractid: contractId,
      sequence: 1,
      correlationid: `bench-${i}`,
      data: {
        caseId,
        contractId,
        serviceLine: 'noise',
        reference: `BENCH-${i}`,
        outcome: 'good-neighbour-agreement',
        outcomeExpected: true,
        closedAt: new Date().toISOString(),
        timesReopened: 0,
      },
    };
    published.set(id, now());
    pending.push(js.publish(`${subjectPrefix}${EVENT_TYPE}`, JSON.stringify(envelope), { msgID: id }));
  }
  await Promise.all(pending);
  return { published, started, sentFor: now() - started };
}

// ---------------------------------------------------------------------------------------------
// figures

function tally(receiver, published) {
  const latency = { fast: [], slow: [] };
  let lost = 0;
  let lostSlow = 0;
  let duplicates = 0;
  let lastFast = 0;
  const worstFastP99 = { endpoint: -1, p99: 0 };
  receiver.received.forEach((byId, endpoint) => {
    const own = [];
    for (const [id, at] of published) {
      const times = byId.get(id);
      if (!times) {
        if (endpoint === SLOW) lostSlow += 1;
        else lost += 1;
        continue;
      }
      duplicates += times.length - 1;
      own.push(times[0] - at);
      if (endpoint !== SLOW) lastFast = Math.max(lastFast, times[0]);
    }
    for (const id of byId.keys()) if (!published.has(id)) duplicates += 1; // not ours: counted as wrong
    own.sort((a, b) => a - b);
    if (endpoint === SLOW) latency.slow = own;
    else {
      latency.fast.push(...own);
      const p99 = percentile(own, 99);
      if (p99 > worstFastP99.p99) Object.assign(worstFastP99, { endpoint, p99 });
    }
  });
  latency.fast.sort((a, b) => a - b);
  return { latency, lost, lostSlow, duplicates, lastFast, worstFastP99 };
}

async function drain(receiver, published, crash) {
  const expectedFast = published.size * (ENDPOINTS - 1);
  const until = now() + DRAIN_TIMEOUT_S * 1000;
  for (;;) {
    checkInterrupted();
    const fast = receiver.received.reduce((sum, byId, endpoint) => sum + (endpoint === SLOW ? 0 : byId.size), 0);
    const slowDone = receiver.received[SLOW].size >= published.size;
    // Without --check the slow endpoint's backlog (8 at a time, SLOW_MS each) is not waited for.
    if ((fast >= expectedFast && (slowDone || !flags.check)) || now() >= until) return;
    await Promise.race([sleep(100), crash]);
  }
}

function report(context, receiver, { published, started, sentFor }, t) {
  const fastDelivered = t.latency.fast.length;
  const windowS = (t.lastFast - started) / 1000;
  const lines = [
    '',
    'webhooks delivery benchmark',
    `machine            ${context.machine}`,
    `setup              ${ENDPOINTS} endpoints on one local receiver, endpoint 0 answering after ${ms(SLOW_MS)}; ${REPLICAS} webhooks process${REPLICAS > 1 ? 'es' : ''}, WEBHOOKS_CONCURRENCY ${CONCURRENCY}`,
    `offered            ${perSecond(RATE)} events × ${ENDPOINTS} endpoints = ${perSecond(RATE * ENDPOINTS)} deliveries for ${(sentFor / 1000).toFixed(1)} s (${published.size} events)`,
    `delivered          ${fastDelivered} to the ${ENDPOINTS - 1} other endpoints in ${windowS.toFixed(1)} s from the first event: ${perSecond(fastDelivered / Math.max(windowS, 0.001))}`,
    `event -> delivery  p50 ${ms(percentile(t.latency.fast, 50))}  p99 ${ms(percentile(t.latency.fast, 99))}  max ${ms(t.latency.fast.at(-1) ?? NaN)} (the ${ENDPOINTS - 1} others; worst endpoint's p99 ${ms(t.worstFastP99.p99)})`,
    `slow endpoint      ${t.latency.slow.length} of ${published.size} delivered by the end; p50 ${ms(percentile(t.latency.slow, 50))}  p99 ${ms(percentile(t.latency.slow, 99))}; at most ${receiver.slow.maxOpen} at once (limit ${ENDPOINT_CONCURRENCY} over every process)`,
    `held up by it?     ${
      t.latency.fast.length && percentile(t.latency.fast, 99) < SLOW_MS
        ? `no: the others' p99 (${ms(percentile(t.latency.fast, 99))}) is under one slow answer (${ms(SLOW_MS)})`
        : `maybe: the others' p99 (${ms(percentile(t.latency.fast, 99))}) is not under one slow answer (${ms(SLOW_MS)})`
    }`,
    `lost / duplicated  ${t.lost} lost to the others, ${t.lostSlow} not (yet) at the slow one, ${t.duplicates} duplicated`,
  ];
  console.log(lines.join('\n'));
}

function verdict(receiver, published, t) {
  const problems = [];
  if (receiver.slow.maxOpen > ENDPOINT_CONCURRENCY)
    problems.push(`the slow endpoint had ${receiver.slow.maxOpen} requests at once, over its limit of ${ENDPOINT_CONCURRENCY}`);
  if (t.latency.fast.length === 0) problems.push('nothing was delivered');
  if (t.lost > 0 || t.lostSlow > 0) problems.push(`${t.lost + t.lostSlow} deliveries lost`);
  if (t.duplicates > 0) problems.push(`${t.duplicates} deliveries duplicated`);
  console.log(`check              ${problems.length ? `FAILED: ${problems.join('; ')}` : 'passed'} (${published.size} events × ${ENDPOINTS} endpoints)`);
  return problems.length ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const context = { machine: machine() };
  const suffix = randomBytes(4).toString('hex');
  const namespace = `bw${suffix}`;
  log(`database mediation_bench_${suffix}, namespace ${namespace}`);
  const database = await createBenchDatabase(migrationDatabaseUrl(), suffix, { keep: flags.keep });
  registerNamespaceCleanup(namespace, { natsUrl: NATS_URL, redisUrl: REDIS_URL, redisPatterns: [`webhooks:${namespace}:*`] });
  checkInterrupted();
  const receiver = await startReceiver();
  const organisationId = randomUUID();
  await createEndpoints(database.url, organisationId, receiver.port);
  const { crash } = await startWebhooks({
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: applicationLoginUrl(database.url),
    NATS_URL,
    REDIS_URL,
    NATS_NAMESPACE: namespace,
    WEBHOOKS_ALLOW_HTTP_LOCALHOST: 'true',
    WEBHOOKS_CONCURRENCY: String(CONCURRENCY),
    WEBHOOKS_ENDPOINT_CONCURRENCY: String(ENDPOINT_CONCURRENCY),
  });
  log(`webhooks service ready; sending ${RATE} events/s for ${DURATION_S} s to ${ENDPOINTS} endpoints`);
  const load = await publishEvents(namespace, organisationId, crash);
  await drain(receiver, load.published, crash);
  const t = tally(receiver, load.published);
  report(context, receiver, load, t);
  return flags.check ? verdict(receiver, load.published, t) : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  if (!(error instanceof Interrupted) && !isInterrupted()) {
    console.error(`bench: ${error.stack ?? error}`);
    exitCode = 1;
  }
}
await cleanup();
process.exit(isInterrupted() ? 130 : exitCode);
