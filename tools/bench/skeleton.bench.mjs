#!/usr/bin/env node
// `npm run bench`: how fast the walking skeleton goes, measured with nothing else on its database.
//
//   POST /v1/referrals (gateway -> intake)  ->  case opened (casework)  ->  deadline set (scheduling)
//   ->  counted (reporting), plus the acknowledgement email (notify -> SMTP).
//
// It makes everything it needs and removes it afterwards, on success, on failure and on Ctrl-C: a
// database of its own (mediation_bench_<random>), a NATS namespace (streams EVENTS_<NS>, DLQ_<NS>,
// Redis keys bull-<ns>:*), a mail catcher on free ports and the eight built services on their own
// ports. Referrals are sent open-loop at a fixed rate (sent on schedule whatever the answers, with a
// cap on requests in flight), and completion is read from the database by polling, read-only.
//
//   npm run bench -- [--rate 50] [--duration 20] [--warmup 3] [--base-port 4100] [--max-in-flight 500]
//                    [--drain-timeout 60] [--poll-ms 20] [--timeline]
//
// --timeline adds one line per second of sending: how many were sent, accepted and failed, and the
// median latencies of the referrals sent in that second (to see a backlog build or drain).
//
// Needs a build (`npm run build`) and PostgreSQL, Redis and NATS (MIGRATION_DATABASE_URL, REDIS_URL, NATS_URL,
// else the standard local ports). It prints figures; it is not a test and asserts nothing.
/* global AbortSignal */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { SERVICES, portsOf, startService, waitReady, stopService } = require('../dev/services.cjs');
const { reachable } = require('../infra/infra.cjs');
const { migrate } = require('../db/migrate.cjs');
const { applicationLoginUrl, migrationDatabaseUrl } = require('../db/database-urls.cjs');
const { Client, Pool } = require('pg');
const IORedis = require('ioredis');
const { connect: natsConnect } = require('@nats-io/transport-node');
const { jetstreamManager } = require('@nats-io/jetstream');

// ---------------------------------------------------------------------------------------------
// options

const { values: flags } = parseArgs({
  options: {
    rate: { type: 'string', default: '50' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    'base-port': { type: 'string', default: '4100' },
    'max-in-flight': { type: 'string', default: '500' },
    'drain-timeout': { type: 'string', default: '60' },
    'poll-ms': { type: 'string', default: '20' },
    timeline: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (flags.help) {
  console.log('usage: npm run bench -- [--rate <per s>=50] [--duration <s>=20] [--warmup <s>=3] [--base-port 4100] [--max-in-flight 500] [--drain-timeout <s>=60] [--poll-ms 20] [--timeline] [--keep (keep the database to inspect)] [--check (exit 1 unless every accepted referral completed, with one acknowledgement each and no error)]');
  process.exit(0);
}
const number = (name, { min = 0, integer = false } = {}) => {
  const value = Number(flags[name]);
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    console.error(`bench: --${name} must be a${integer ? 'n integer' : ' number'} >= ${min}, got "${flags[name]}"`);
    process.exit(2);
  }
  return value;
};
const RATE = number('rate', { min: 0.1 });
const DURATION_S = number('duration', { min: 1 });
const WARMUP_S = number('warmup');
const BASE_PORT = number('base-port', { min: 1024, integer: true });
const MAX_IN_FLIGHT = number('max-in-flight', { min: 1, integer: true });
const DRAIN_TIMEOUT_S = number('drain-timeout', { min: 1 });
const POLL_MS = number('poll-ms', { min: 1 });
const REQUEST_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------------------------------------
// small helpers

/** Milliseconds since the Unix epoch, fractional and monotonic: comparable with PostgreSQL's clock. */
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (text) => process.stderr.write(`\x1b[2mbench: ${text}\x1b[0m\n`);
const quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`;

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}
const ms = (value) => (Number.isNaN(value) ? 'n/a' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);
const perSecond = (value) => `${value.toFixed(1)}/s`;

function withDatabase(url, database) {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

function portFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The first base port from `start` up whose sixteen ports (API base .. base+7, metrics base+10 .. base+17) are all free. */
async function findBasePort(start) {
  for (let base = start; base < start + 1000; base += 20) {
    const free = await Promise.all(SERVICES.flatMap((service) => Object.values(portsOf(service, base)).map(portFree)));
    if (free.every(Boolean)) return base;
  }
  throw new Error(`no sixteen free ports between ${start} and ${start + 1000}; pass --base-port`);
}

function machine() {
  let kernel = `${os.type()} ${os.release()}`;
  try {
    kernel = execFileSync('uname', ['-sr'], { encoding: 'utf8' }).trim();
  } catch {
    // uname is missing (Windows): os.type/os.release say nearly as much
  }
  const cpu = os.cpus()[0]?.model?.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  return `${os.availableParallelism?.() ?? os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, node ${process.version}, ${kernel}`;
}

/**
 * CPU ticks so far of the machine (busy, all cores) and of every process, by pid, with its name:
 * `names` labels the bench's own processes, the rest go by their command (postgres, nats-server,
 * and whatever else happens to be running, which is worth knowing). Linux only, else null.
 */
function cpuSnapshot(names) {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const processes = new Map();
    for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // The command may hold spaces and parentheses; the fields after the last ')' do not.
        const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const kernelThread = pid === '2' || rest[1] === '2';
        const name = names[pid] ?? (kernelThread ? 'kernel threads' : command === 'node' ? 'other node processes' : command);
        processes.set(pid, { name, ticks: Number(rest[11]) + Number(rest[12]) });
      } catch {
        // gone between readdir and read
      }
    }
    return { at: now(), busy: fields.slice(0, 8).reduce((a, b) => a + b, 0) - fields[3] - (fields[4] ?? 0), processes };
  } catch {
    return null;
  }
}

/** Share of the machine busy, and cores used per process name, between two snapshots. */
function cpuUse(from, to) {
  if (!from || !to) return null;
  const TICKS_PER_S = 100; // USER_HZ, 100 on every Linux that matters
  const seconds = (to.at - from.at) / 1000;
  const byName = new Map();
  for (const [pid, { name, ticks }] of to.processes) {
    const delta = ticks - (from.processes.get(pid)?.ticks ?? 0);
    byName.set(name, (byName.get(name) ?? 0) + delta / TICKS_PER_S / seconds);
  }
  const busyCores = (to.busy - from.busy) / TICKS_PER_S / seconds;
  const attributed = [...byName.values()].reduce((a, b) => a + b, 0);
  const ours = new Set(['bench', 'mail catcher', ...SERVICES.map((s) => s.name), 'postgres', 'nats-server', 'redis-server', 'kernel threads']);
  return {
    busy: busyCores / (os.availableParallelism?.() ?? os.cpus().length),
    perProcess: [...byName].filter(([, cores]) => cores >= 0.01).sort((a, b) => b[1] - a[1]),
    /** Processes that ended inside the window, and interrupt handling. */
    unattributed: Math.max(0, busyCores - attributed),
    /** Whatever else ran on the machine: it competed with the system being measured. */
    foreign: [...byName].filter(([name]) => !ours.has(name)).reduce((a, [, cores]) => a + cores, 0),
  };
}

// ---------------------------------------------------------------------------------------------
// clean-up: every resource registers how to undo itself as soon as it exists

const cleanups = [];
let cleaningUp;
const children = new Set();

function onCleanup(name, fn) {
  cleanups.push({ name, fn });
}

function cleanup() {
  cleaningUp ??= (async () => {
    for (const { name, fn } of cleanups.reverse()) {
      try {
        await fn();
      } catch (error) {
        console.error(`bench: clean-up of ${name} failed: ${error.message}`);
      }
    }
  })();
  return cleaningUp;
}

// A second Ctrl-C (or an exit without clean-up) leaves nothing running, at least.
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (interrupted) {
      console.error(`\nbench: ${signal} again; stopping now without finishing the clean-up (see the names above)`);
      process.exit(130);
    }
    interrupted = true;
    console.error(`\nbench: ${signal}; cleaning up (press Ctrl-C again to stop at once)`);
    cleanup().finally(() => process.exit(130));
  });
}

class Interrupted extends Error {}
const checkInterrupted = () => {
  if (interrupted) throw new Interrupted('interrupted');
};

// ---------------------------------------------------------------------------------------------
// infrastructure of its own

// The owner's URL: it creates, migrates and observes the database; the services log in as the application role.
const BASE_DATABASE_URL = migrationDatabaseUrl();
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const NATS_URL = process.env.NATS_URL || 'nats://127.0.0.1:4222';

async function createDatabase(id) {
  const name = `mediation_bench_${id}`;
  const url = withDatabase(BASE_DATABASE_URL, name);
  onCleanup(`database ${name}`, async () => {
    if (flags.keep) return console.log(`bench: kept database ${name} for inspection (drop it when done)`);
    const admin = new Client({ connectionString: withDatabase(BASE_DATABASE_URL, 'postgres') });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  });
  await migrate(url, { log: () => undefined });
  return { name, url };
}

function registerNamespaceCleanup(namespace) {
  onCleanup(`NATS streams and Redis keys of namespace ${namespace}`, async () => {
    const nc = await natsConnect({ servers: NATS_URL, name: 'skeleton-bench-cleanup', timeout: 5_000 });
    try {
      const jsm = await jetstreamManager(nc);
      for (const stream of [`EVENTS_${namespace.toUpperCase()}`, `DLQ_${namespace.toUpperCase()}`]) {
        await jsm.streams.delete(stream).catch((error) => {
          if (!/not found/i.test(String(error))) throw error;
        });
      }
    } finally {
      await nc.close();
    }
    const redis = new IORedis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `bull-${namespace}:*`, 'COUNT', 1000);
        if (keys.length > 0) await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  });
}

/** The development mail catcher in a process of its own, so parsing mail never delays the load. */
async function startMailCatcher(logs) {
  const child = spawn(process.execPath, [path.join(ROOT, 'tools/mailcatcher/mailcatcher.cjs')], {
    cwd: ROOT,
    env: { ...process.env, MAILCATCHER_SMTP_PORT: '0', MAILCATCHER_HTTP_PORT: '0', MAILCATCHER_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  onCleanup('mail catcher', async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  });
  let output = '';
  child.stderr.on('data', (chunk) => logs.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the mail catcher did not start: ${output}${logs.join('')}`)), 15_000);
    child.once('exit', (code) => reject(new Error(`the mail catcher exited with code ${code}: ${output}${logs.join('')}`)));
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const smtp = /SMTP\s+smtp:\/\/[^:]+:(\d+)/.exec(output);
      const api = /HTTP\s+(http:\/\/\S+\/messages)/.exec(output);
      if (smtp && api) {
        clearTimeout(timer);
        resolve({ smtpUrl: `smtp://127.0.0.1:${smtp[1]}`, messagesUrl: api[1], pid: child.pid });
      }
    });
  });
}

let serviceHandles = [];

async function startServices(env, basePort) {
  const handles = [];
  let stopping = false;
  onCleanup('services', async () => {
    stopping = true;
    await Promise.all(handles.map((h) => stopService(h)));
  });
  // startService + waitReady rather than startAll: if one service never becomes ready, the bench
  // still holds the others and can stop them.
  for (const service of SERVICES) {
    const handle = startService(service, env, { output: 'file', basePort });
    children.add(handle.child);
    handles.push(handle);
  }
  const crash = new Promise((_, reject) => {
    for (const h of handles) {
      h.exited.then(({ code, signal }) => {
        if (!stopping && !interrupted) reject(new Error(`${h.name} stopped unexpectedly (code ${code}, signal ${signal}); its last lines:\n${h.logs.slice(-30).join('\n')}`));
      });
    }
  });
  crash.catch(() => undefined);
  serviceHandles = handles;
  await Promise.race([Promise.all(handles.map((h) => waitReady(h, 90_000))), crash]);
  return { handles, crash };
}

function runSeed(env, apiUrl, mailUrl) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'skeleton-bench-'));
  onCleanup('seed credentials', () => rmSync(dir, { recursive: true, force: true }));
  const out = path.join(dir, 'credentials.json');
  const script = path.join(ROOT, 'dist/apps/gateway/src/ops/dev-seed.js');
  const child = spawn(process.execPath, ['--enable-source-maps', script, '--out', out, '--api-url', apiUrl, '--mail-url', mailUrl], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`the dev seed failed (code ${code}, signal ${signal}):\n${output.trim()}`));
      resolve(JSON.parse(readFileSync(out, 'utf8')));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// observation: completion read from the database, read-only
//
// A referral is complete when all of these are committed:
//   case opened   casework's case.opened event for it is in casework.outbox (same transaction as
//                 the casework.case row), which also gives the case id and the event id
//   deadline set  scheduling.deadline has a row for the case, and scheduling's inbox holds the
//                 case.opened event (the transaction that set the deadline)
//   counted       reporting's inbox holds both its intake.referral.received event and its
//                 casework.case.opened event: both counters (referrals received, cases opened)
//                 include it
// The obvious single query (referral JOIN case JOIN deadline, plus outbox envelopes to find the
// event ids) scans jsonb on every poll and at 50 polls a second took a large share of a 2-core
// machine away from the system being measured. So each poll is one statement that reads only
// what is new: outbox rows past a cursor (plus positions skipped while their transactions were
// still open), and inbox and deadline rows for the events and cases still outstanding.

// Asks only about the referrals still awaited, by id: no cursor over the outboxes, so rows that
// commit out of position order (STACK.md, trap 5) cannot be skipped.
const POLL_SQL = `
  SELECT 'casework' AS src, id::text AS id, envelope->>'type' AS type,
         envelope->'data'->>'referralId' AS referral_id, envelope->'data'->>'caseId' AS case_id,
         envelope->'data'->>'openedAt' AS opened_at, NULL::float8 AS at_ms
    FROM casework.outbox WHERE envelope->>'type' = $7 AND envelope->'data'->>'referralId' = ANY($1::text[])
  UNION ALL
  SELECT 'intake', id::text, envelope->>'type', envelope->>'subject', NULL, NULL, NULL
    FROM intake.outbox WHERE envelope->>'type' = $8 AND envelope->>'subject' = ANY($2::text[])
  UNION ALL
  SELECT DISTINCT 'deadline', NULL::text, NULL::text, NULL::text, case_id::text, NULL::text, NULL::float8
    FROM scheduling.deadline WHERE organisation_id = $3::uuid AND case_id = ANY($4::uuid[])
  UNION ALL
  SELECT 'scheduling-inbox', event_id::text, NULL, NULL, NULL, NULL, extract(epoch FROM processed_at)::float8 * 1000
    FROM scheduling.inbox WHERE event_id = ANY($5::uuid[])
  UNION ALL
  SELECT 'reporting-inbox', event_id::text, NULL, NULL, NULL, NULL, extract(epoch FROM processed_at)::float8 * 1000
    FROM reporting.inbox WHERE event_id = ANY($6::uuid[])`;

// The very event types scheduling and reporting consume (from the built protocol), so the bench
// waits for what the services really do; `--check` (in npm test) fails when it stops seeing them.
// Read in main() once the build is known to exist.
let CASE_OPENED;
let REFERRAL_RECEIVED;
class CompletionObserver {
  /** referral id -> what is known of it */
  referrals = new Map();
  /** referrals not yet complete */
  open = new Set();
  events = new Map();
  cases = new Map();
  polls = 0;
  pollTotalMs = 0;
  pollMaxMs = 0;

  constructor(pool, organisationId) {
    this.pool = pool;
    this.organisationId = organisationId;
  }

  state(referralId) {
    let state = this.referrals.get(referralId);
    if (!state) {
      state = { referralId };
      this.referrals.set(referralId, state);
      this.open.add(state);
    }
    return state;
  }

  /** Called on each 201: from here on the referral is watched for completion. */
  accepted(record) {
    const state = this.state(record.id);
    state.record = record;
    this.complete(state, record.acceptedAt);
  }

  /** Polls once; returns whether it learnt of new events (worth polling again at once). */
  async poll() {
    const deadlines = [];
    const scheduling = [];
    const reporting = [];
    const awaitingCase = [];
    const awaitingReceived = [];
    for (const s of this.open) {
      if (s.record && !s.caseEventId) awaitingCase.push(s.referralId);
      if (s.record && !s.receivedEventId) awaitingReceived.push(s.referralId);
      if (s.caseId && !s.deadline) deadlines.push(s.caseId);
      if (s.caseEventId && s.deadlineTxMs === undefined) scheduling.push(s.caseEventId);
      if (s.caseEventId && s.countedCaseMs === undefined) reporting.push(s.caseEventId);
      if (s.receivedEventId && s.countedReferralMs === undefined) reporting.push(s.receivedEventId);
    }
    const began = now();
    const { rows } = await this.pool.query(POLL_SQL, [awaitingCase, awaitingReceived, this.organisationId, deadlines, scheduling, reporting, CASE_OPENED, REFERRAL_RECEIVED]);
    const at = now();
    this.polls += 1;
    this.pollTotalMs += at - began;
    this.pollMaxMs = Math.max(this.pollMaxMs, at - began);

    const touched = new Set();
    let learnt = false;
    for (const row of rows) {
      if (row.src === 'casework' || row.src === 'intake') {
        if (!row.referral_id) continue;
        if (row.type === CASE_OPENED) {
          const s = this.state(row.referral_id);
          Object.assign(s, { caseId: row.case_id, caseEventId: row.id, openedMs: Date.parse(row.opened_at) });
          this.events.set(row.id, { state: s, kind: 'case' });
          this.cases.set(row.case_id, s);
          learnt = true;
        } else if (row.type === REFERRAL_RECEIVED) {
          const s = this.state(row.referral_id);
          s.receivedEventId = row.id;
          this.events.set(row.id, { state: s, kind: 'referral' });
          learnt = true;
        }
      } else if (row.src === 'deadline') {
        const s = this.cases.get(row.case_id);
        if (s) (s.deadline = true), touched.add(s);
      } else {
        const event = this.events.get(row.id);
        if (!event) continue;
        const s = event.state;
        if (row.src === 'scheduling-inbox') s.deadlineTxMs = row.at_ms;
        else if (event.kind === 'case') s.countedCaseMs = row.at_ms;
        else s.countedReferralMs = row.at_ms;
        touched.add(s);
      }
    }
    for (const s of touched) this.complete(s, at);
    return learnt;
  }

  complete(s, at) {
    if (!this.open.has(s)) return;
    if (!(s.caseEventId && s.deadline && s.deadlineTxMs !== undefined && s.countedCaseMs !== undefined && s.countedReferralMs !== undefined)) return;
    s.completedAt = at;
    this.open.delete(s);
    if (s.record) s.record.completion = s;
  }

  /** Accepted referrals still waiting for something. */
  get outstanding() {
    let n = 0;
    for (const s of this.open) if (s.record) n += 1;
    return n;
  }
}

// ---------------------------------------------------------------------------------------------
// load

function referralBody(contractId, i, runId) {
  return JSON.stringify({
    contractId,
    externalReference: `BENCH-${runId}-${i}`,
    referrer: { name: 'Bench Officer', email: `referrer-${i}@bench-${runId}.example` },
    referrerType: 'council',
    parties: [
      { role: 'complainant', name: `Resident ${i}` },
      { role: 'respondent', name: `Neighbour ${i}` },
    ],
    summary: 'Noise from the flat above at night; benchmark referral.',
    consent: [{ givenBy: `Resident ${i}`, relationship: 'tenant', givenAt: '2026-11-20T10:00:00Z', method: 'verbal', recordedBy: 'Bench Officer' }],
  });
}

async function drive({ apiUrl, apiKey, contractId, organisationId, runId, pool, services, mailPid }) {
  const interval = 1000 / RATE;
  const warmupCount = Math.round(RATE * WARMUP_S);
  const total = warmupCount + Math.round(RATE * DURATION_S);
  const url = `${apiUrl}/v1/referrals`;
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const observer = new CompletionObserver(pool, organisationId);
  const records = [];
  let inFlight = 0;
  let maxInFlightSeen = 0;

  const start = now() + 100;
  const measureStart = start + warmupCount * interval;
  const measureEnd = measureStart + DURATION_S * 1000;
  const cpu = {};
  const processes = { [process.pid]: 'bench', ...Object.fromEntries(services.handles.map((h) => [h.child.pid, h.name])), ...(mailPid ? { [mailPid]: 'mail catcher' } : {}) };
  const cpuTimers = [
    setTimeout(() => (cpu.from = cpuSnapshot(processes)), measureStart - now()),
    setTimeout(() => (cpu.to = cpuSnapshot(processes)), measureEnd - now()),
  ];

  function send(i) {
    const record = { i, measured: i >= warmupCount, scheduledAt: start + i * interval };
    records.push(record);
    if (inFlight >= MAX_IN_FLIGHT) {
      record.error = `not sent: ${MAX_IN_FLIGHT} requests already in flight`;
      return;
    }
    inFlight += 1;
    maxInFlightSeen = Math.max(maxInFlightSeen, inFlight);
    record.sentAt = now();
    fetch(url, { method: 'POST', headers, body: referralBody(contractId, i, runId), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
      .then(async (res) => {
        const text = await res.text();
        const at = now();
        if (res.status !== 201) {
          record.error = `HTTP ${res.status}${text ? ` ${text.slice(0, 300)}` : ''}`;
          return;
        }
        const body = JSON.parse(text);
        Object.assign(record, { acceptedAt: at, id: body.id, receivedMs: Date.parse(body.receivedAt) });
        observer.accepted(record);
      })
      .catch((error) => {
        record.error = error.name === 'TimeoutError' ? `timeout after ${REQUEST_TIMEOUT_MS} ms` : `network: ${error.cause?.code ?? error.cause?.message ?? error.message}`;
      })
      .finally(() => {
        inFlight -= 1;
      });
  }

  // Open loop: each request leaves at its own time, however the earlier ones are doing.
  let next = 0;
  const sending = new Promise((resolve) => {
    const tick = () => {
      if (interrupted) return resolve();
      const t = now();
      while (next < total && start + next * interval <= t) send(next++);
      if (next >= total) return resolve();
      setTimeout(tick, Math.max(0, Math.min(10, start + next * interval - now() - 1)));
    };
    setTimeout(tick, Math.max(0, start - now()));
  });

  let polling = true;
  const poller = (async () => {
    while (polling) {
      const began = now();
      const learnt = await observer.poll();
      // Something new: look again at once for what depends on it, so observation lags by one query.
      if (!learnt) await sleep(Math.max(0, POLL_MS - (now() - began)));
    }
  })();
  poller.catch(() => undefined);

  let phase = 'sending';
  const statusLine = setInterval(() => {
    const accepted = records.filter((r) => r.acceptedAt).length;
    const done = records.filter((r) => r.completion).length;
    log(`${phase}: sent ${records.length}/${total}, accepted ${accepted}, complete ${done}, requests in flight ${inFlight}`);
  }, 5_000);

  try {
    await Promise.race([sending, services.crash, poller]);
    phase = 'draining';
    checkInterrupted();
    const drainUntil = now() + DRAIN_TIMEOUT_S * 1000;
    while (now() < drainUntil && (inFlight > 0 || observer.outstanding > 0)) {
      checkInterrupted();
      await Promise.race([sleep(50), services.crash, poller]);
    }
  } finally {
    clearInterval(statusLine);
    cpuTimers.forEach(clearTimeout);
    // Everything finished before the window's end (an idle system): close the window now.
    if (cpu.from && !cpu.to) cpu.to = cpuSnapshot(processes);
    polling = false;
    await poller.catch(() => undefined);
  }
  const orphans = [...observer.referrals.values()].filter((s) => s.receivedEventId && !s.record).length;
  return {
    records,
    orphans,
    measureStart,
    measureEnd,
    maxInFlightSeen,
    cpu: cpuUse(cpu.from, cpu.to),
    poll: { count: observer.polls, meanMs: observer.polls ? observer.pollTotalMs / observer.polls : 0, maxMs: observer.pollMaxMs },
  };
}

async function countMail(messagesUrl, runId, expected, waitMs) {
  const suffix = `@bench-${runId}.example`;
  const until = now() + waitMs;
  let result = { total: 0, acknowledgements: 0, duplicates: 0 };
  for (;;) {
    const messages = await (await fetch(messagesUrl)).json();
    const addresses = messages.flatMap((m) => m.to).filter((to) => to.toLowerCase().endsWith(suffix));
    const unique = new Set(addresses).size;
    result = { total: messages.length, acknowledgements: unique, duplicates: addresses.length - unique };
    if (unique >= expected || now() >= until || interrupted) return result;
    await sleep(250);
  }
}

// ---------------------------------------------------------------------------------------------
// report

function report({ records, orphans, measureStart, measureEnd, maxInFlightSeen, cpu, poll }, mail, context) {
  const windowS = (measureEnd - measureStart) / 1000;
  const inWindow = (t) => t !== undefined && t >= measureStart && t < measureEnd;
  const sorted = (values) => values.sort((a, b) => a - b);
  const measured = records.filter((r) => r.measured);
  const accepted = measured.filter((r) => r.acceptedAt !== undefined);
  const completed = measured.filter((r) => r.completion);
  const acceptLatency = sorted(accepted.map((r) => r.acceptedAt - r.scheduledAt));
  const e2e = sorted(completed.map((r) => r.completion.completedAt - r.receivedMs));
  const stage = (at) => sorted(completed.map((r) => at(r.completion) - r.receivedMs));
  const opened = stage((s) => s.openedMs);
  const deadline = stage((s) => s.deadlineTxMs);
  const counted = stage((s) => Math.max(s.countedCaseMs, s.countedReferralMs));
  const p = (values) => `p50 ${ms(percentile(values, 50))}  p99 ${ms(percentile(values, 99))}  max ${ms(values.at(-1) ?? NaN)}`;
  const p5099 = (values) => `${ms(percentile(values, 50))} / ${ms(percentile(values, 99))}`;

  const errors = records.filter((r) => r.error);
  const kinds = new Map();
  for (const r of errors) {
    const kind = r.error.replace(/\s+\{.*$/, '');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const allAccepted = records.filter((r) => r.acceptedAt !== undefined);
  const incomplete = allAccepted.filter((r) => !r.completion).length;
  const lastDone = Math.max(0, ...allAccepted.map((r) => r.completion?.completedAt ?? 0));
  const drained = incomplete > 0 ? `${incomplete} of ${allAccepted.length} accepted referrals still incomplete after the ${DRAIN_TIMEOUT_S} s drain` : `all ${allAccepted.length} accepted referrals complete, the last ${Math.max(0, (lastDone - measureEnd) / 1000).toFixed(1)} s after sending stopped`;

  const lines = [
    '',
    'skeleton benchmark: POST /v1/referrals -> case opened -> deadline set -> counted (+ acknowledgement email)',
    `machine            ${context.machine}`,
    `run                ${WARMUP_S} s warm-up + ${DURATION_S} s measured, open loop, in-flight cap ${MAX_IN_FLIGHT} (max reached ${maxInFlightSeen}), completion polled every ${POLL_MS} ms`,
    `offered            ${perSecond(RATE)} (${measured.length} referrals in the measured window, ${records.length} with warm-up)`,
    `accepted           ${perSecond(records.filter((r) => inWindow(r.acceptedAt)).length / windowS)} (HTTP 201 responses inside the measured window)`,
    `completed          ${perSecond(records.filter((r) => inWindow(r.completion?.completedAt)).length / windowS)} end to end (completions observed inside the measured window)`,
    `accept latency     ${p(acceptLatency)}  (scheduled send -> 201; n=${acceptLatency.length})`,
    `end-to-end         ${p(e2e)}  (received_at -> case, deadline and both counts seen; n=${e2e.length})`,
    `  stages p50 / p99 case opened ${p5099(opened)}, deadline set ${p5099(deadline)}, counted ${p5099(counted)} (from received_at, database clocks)`,
    `errors             ${errors.length}${errors.length ? ` (${[...kinds].map(([k, n]) => `${n} x ${k}`).join('; ')})` : ''}`,
    ...(errors.length ? [`  first error      ${errors[0].error.slice(0, 300)}`] : []),
    ...(orphans ? [`  stored anyway    ${orphans} referrals stored by intake whose request the bench saw fail`] : []),
    `drain              ${drained} (warm-up included)`,
    `emails received    ${mail.acknowledgements} acknowledgements for ${allAccepted.length} accepted referrals${mail.duplicates ? `, ${mail.duplicates} duplicates` : ''} (${mail.total} messages at the mail catcher)`,
    ...(cpu
      ? [
          `cpu (measured)     machine ${(cpu.busy * 100).toFixed(0)}% busy; cores by process: ${cpu.perProcess.map(([name, cores]) => `${name} ${cores.toFixed(2)}`).join(', ')}; unattributed ${cpu.unattributed.toFixed(2)}`,
          // A loaded machine always shows a little of both; more than this means someone else's work.
          ...(cpu.foreign > 0.1 || cpu.unattributed > 0.2
            ? [`  note             other work on this machine (other processes ${cpu.foreign.toFixed(2)} cores, unattributed ${cpu.unattributed.toFixed(2)}) competed with the run: run it again on a quiet machine`]
            : []),
        ]
      : []),
    `completion polls   ${poll.count}, mean ${ms(poll.meanMs)}, max ${ms(poll.maxMs)}`,
    `isolation          database ${context.database}, NATS namespace ${context.namespace}, services on ports ${context.basePort}-${context.basePort + SERVICES.length - 1}`,
  ];
  if (flags.timeline) {
    const start = records[0]?.scheduledAt ?? 0;
    const seconds = new Map();
    for (const r of records) {
      const second = Math.floor((r.scheduledAt - start) / 1000);
      if (!seconds.has(second)) seconds.set(second, []);
      seconds.get(second).push(r);
    }
    lines.push('timeline           second: sent / 201 / failed, accept p50, end-to-end p50 (by send time; w = warm-up)');
    for (const [second, group] of seconds) {
      const ok = group.filter((r) => r.acceptedAt !== undefined);
      const acceptP50 = percentile(sorted(ok.map((r) => r.acceptedAt - r.scheduledAt)), 50);
      const e2eP50 = percentile(sorted(ok.filter((r) => r.completion).map((r) => r.completion.completedAt - r.receivedMs)), 50);
      const label = `${String(second).padStart(4)}${group[0].measured ? ' ' : 'w'}`;
      lines.push(`  ${label}            ${group.length} / ${ok.length} / ${group.filter((r) => r.error).length}, ${ms(acceptP50)}, ${ms(e2eP50)}`);
    }
  }
  console.log(lines.join('\n'));
  return verdict({ sent: records.length, accepted: allAccepted.length, incomplete, errors: errors.length, mail });
}

/** What `--check` fails on: the functional run in npm test, so the bench cannot silently stop measuring. */
function verdict({ sent, accepted, incomplete, errors, mail }) {
  const problems = [];
  if (sent === 0) problems.push('no referral was sent');
  if (accepted < sent) problems.push(`${sent - accepted} of ${sent} referrals were not accepted`);
  if (errors > 0) problems.push(`${errors} requests failed`);
  if (incomplete > 0) problems.push(`${incomplete} accepted referrals never completed (case opened, deadline set, counted)`);
  if (mail.acknowledgements < accepted) problems.push(`${accepted - mail.acknowledgements} accepted referrals got no acknowledgement email`);
  if (mail.duplicates > 0) problems.push(`${mail.duplicates} duplicate acknowledgement emails`);
  return problems;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  for (const s of SERVICES) {
    if (!existsSync(path.join(ROOT, 'dist/apps', s.name, 'src/main.js'))) throw new Error(`dist/apps/${s.name}/src/main.js is missing: run \`npm run build\` first`);
  }
  ({ type: CASE_OPENED } = require('../../dist/libs/protocol/src/index.js').CaseOpenedV2);
  ({ type: REFERRAL_RECEIVED } = require('../../dist/libs/protocol/src/index.js').ReferralReceivedV2);
  for (const [name, url] of [['PostgreSQL', BASE_DATABASE_URL], ['Redis', REDIS_URL], ['NATS', NATS_URL]]) {
    if (!(await reachable(url))) throw new Error(`${name} does not answer at ${url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@')}; start it (npm start finds or starts all three) or set its URL`);
  }

  const runId = randomBytes(4).toString('hex');
  const namespace = `bench_${runId}`;
  const context = { machine: machine(), namespace };

  log(`database mediation_bench_${runId}: creating and migrating`);
  const database = await createDatabase(runId);
  context.database = database.name;
  checkInterrupted();
  registerNamespaceCleanup(namespace);

  const mailLogs = [];
  const mail = await startMailCatcher(mailLogs);
  checkInterrupted();

  const basePort = await findBasePort(BASE_PORT);
  context.basePort = basePort;
  const env = { DATABASE_URL: applicationLoginUrl(database.url), REDIS_URL, NATS_URL, NATS_NAMESPACE: namespace, SMTP_URL: mail.smtpUrl, LOG_LEVEL: 'warn', NODE_ENV: 'test' };
  log(`starting the eight services on ports ${basePort}-${basePort + SERVICES.length - 1} (namespace ${namespace})`);
  const services = await startServices(env, basePort);
  checkInterrupted();

  const apiUrl = `http://127.0.0.1:${basePort}`;
  log('seeding an organisation, API key and contract');
  const credentials = await runSeed(env, apiUrl, mail.messagesUrl);
  checkInterrupted();

  // Read-only from here on: the bench never writes to the services' tables.
  const pool = new Pool({ connectionString: database.url, max: 1, application_name: 'skeleton-bench-observer', options: '-c default_transaction_read_only=on' });
  onCleanup('observer connection', () => pool.end());

  log(`sending ${RATE}/s for ${WARMUP_S} s warm-up + ${DURATION_S} s measured`);
  const result = await drive({ apiUrl, apiKey: credentials.apiKey, contractId: credentials.contractId, organisationId: credentials.organisationId, runId, pool, services, mailPid: mail.pid });
  checkInterrupted();
  const accepted = result.records.filter((r) => r.acceptedAt !== undefined).length;
  const mailCount = await countMail(mail.messagesUrl, runId, accepted, DRAIN_TIMEOUT_S * 1000);
  checkInterrupted();

  const problems = report(result, mailCount, context);
  if (flags.check && problems.length > 0) throw new Error(`--check: ${problems.join('; ')}`);
  if (flags.check) console.log('check              passed: every accepted referral completed, one acknowledgement each');
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  if (!(error instanceof Interrupted) && !interrupted) {
    console.error(`\nbench failed: ${error.message}`);
    for (const h of serviceHandles) {
      const tail = h.logs.slice(-8);
      if (tail.length > 0) console.error(`\n--- ${h.name}: last ${tail.length} log lines ---\n${tail.join('\n')}`);
    }
    exitCode = 1;
  }
}
log('cleaning up');
await cleanup();
process.exit(interrupted ? 130 : exitCode);
