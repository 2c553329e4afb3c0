#!/usr/bin/env node
// `npm run bench`: how fast the walking skeleton goes, measured with nothing else on its database.
//
//   POST /v1/referrals (gateway -> intake)  ->  case opened (casework)  ->  deadline set (scheduling)
//   ->  counted (reporting), plus the acknowledgement email (notify -> SMTP).
//
// It makes everything it needs and removes it afterwards, on success, on failure and on Ctrl-C: a
// database of its own (mediation_bench_<random>), a NATS namespace (streams EVENTS_<NS>, DLQ_<NS>,
// Redis keys bull-<ns>:*), a mail catcher on free ports and the nine built services on their own
// ports. Referrals are sent open-loop at a fixed rate (sent on schedule whatever the answers, with a
// cap on requests in flight), and completion is read from the database by polling, read-only.
//
//   npm run bench -- [--rate 50] [--duration 20] [--warmup 3] [--base-port 4100] [--max-in-flight 500]
//                    [--drain-timeout 60] [--poll-ms 20] [--timeline] [--private-postgres]
//                    [--replicas 2 | --replicas casework=3,notify=2] [--top-statements 12]
//
// --timeline adds one line per second of sending: how many were sent, accepted and failed, and the
// median latencies of the referrals sent in that second (to see a backlog build or drain).
// --private-postgres runs the services on a PostgreSQL cluster of the bench's own with
// pg_stat_statements loaded (initdb in a temporary directory; PG_BIN, default
// /usr/lib/postgresql/15/bin), so SQL statements per referral can be counted without restarting a
// shared server. Without it the statement count needs pg_stat_statements on DATABASE_URL's server.
// --replicas starts that many of intake, casework, scheduling and notify and prints how the work split.
//
// Besides throughput and latencies it prints SQL statements and transactions per referral, CPU
// milliseconds per referral per process, and each service's resident memory when idle (before load).
//
// Needs a build (`npm run build`) and PostgreSQL, Redis and NATS (MIGRATION_DATABASE_URL, REDIS_URL, NATS_URL,
// else the standard local ports). It prints figures; it is not a test and asserts nothing.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  checkInterrupted,
  children,
  cleanup,
  createBenchDatabase,
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
  withDatabase,
  freePort,
  postJson,
} from './bench-kit.mjs';
import { startPrivatePostgres } from './private-postgres.mjs';
import { HOW_TO_ENABLE, OBSERVER_MARK, sqlCounter } from './sql-counts.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { SERVICES, startUnit, launchUnits, waitReady, stopService, parseReplicas, parseTogether, allPorts } = require('../dev/services.cjs');
const { reachable } = require('../infra/infra.cjs');
const { applicationLoginUrl, migrationDatabaseUrl } = require('../db/database-urls.cjs');
const { Client, Pool } = require('pg');

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
    'private-postgres': { type: 'boolean', default: false },
    replicas: { type: 'string', default: '' },
    together: { type: 'string', default: '' },
    'top-statements': { type: 'string', default: '12' },
    idle: { type: 'string' },
    keep: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (flags.help) {
  console.log(
    'usage: npm run bench -- [--rate <per s>=50] [--duration <s>=20] [--warmup <s>=3] [--base-port 4100] [--max-in-flight 500] [--drain-timeout <s>=60] [--poll-ms 20] [--timeline] [--private-postgres (a cluster of its own with pg_stat_statements)] [--replicas <n> | <service>=<n>,...] [--together 2 | <service>,<service>+<service>,... (services sharing a process: apps/host)] [--top-statements <n>=12] [--idle <s>=60, 3 with --check (how long the services sit idle before their memory is read)] [--keep (keep the database to inspect)] [--check (exit 1 unless every accepted referral completed, with one acknowledgement each and no error)]',
  );
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
const TOP_STATEMENTS = number('top-statements', { integer: true });
flags.idle ??= flags.check ? '3' : '60';
const IDLE_S = number('idle', { min: 1 });
let REPLICAS;
let TOGETHER;
try {
  REPLICAS = parseReplicas(flags.replicas);
  TOGETHER = parseTogether(flags.together);
  launchUnits(REPLICAS, TOGETHER);
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exit(2);
}
const REQUEST_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------------------------------------
// small helpers

const log = (text) => process.stderr.write(`\x1b[2mbench: ${text}\x1b[0m\n`);
/** The first base port from `start` up whose ports (base .. base+7, and base+10.. for replicas) are all free. */
async function findBasePort(start) {
  for (let base = start; base < start + 1000; base += 20) {
    const free = await Promise.all(allPorts(base, REPLICAS).map(portFree));
    if (free.every(Boolean)) return base;
  }
  throw new Error(`no free ports for the services between ${start} and ${start + 1000}; pass --base-port`);
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

/** The bench's own work: its process, and the PostgreSQL server process that answers its completion polls. */
const BENCH_PROCESSES = ['bench', 'postgres for the bench'];

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
  const ours = new Set([...BENCH_PROCESSES, 'mail catcher', ...SERVICES.map((s) => s.name), 'postgres', 'nats-server', 'redis-server', 'kernel threads']);
  const ticks = new Map();
  for (const [pid, { name, ticks: t }] of to.processes) ticks.set(name, (ticks.get(name) ?? 0) + t - (from.processes.get(pid)?.ticks ?? 0));
  return {
    busy: busyCores / (os.availableParallelism?.() ?? os.cpus().length),
    perProcess: [...byName].filter(([, cores]) => cores >= 0.01).sort((a, b) => b[1] - a[1]),
    /** Processes that ended inside the window, and interrupt handling. */
    unattributed: Math.max(0, busyCores - attributed),
    /** Whatever else ran on the machine: it competed with the system being measured. */
    foreign: [...byName].filter(([name]) => !ours.has(name) && !name.split('+').every((n) => ours.has(n))).reduce((a, [, cores]) => a + cores, 0),
    /** CPU milliseconds by process name over the window. */
    msByName: new Map([...ticks].map(([name, t]) => [name, (t * 1000) / TICKS_PER_S])),
  };
}

// ---------------------------------------------------------------------------------------------
// clean-up: every resource registers how to undo itself as soon as it exists

// ---------------------------------------------------------------------------------------------
// infrastructure of its own

// The owner's URL: it creates, migrates and observes the database (a private server's, with --private-postgres);
// the services log in as the application role.
let BASE_DATABASE_URL = migrationDatabaseUrl();
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const NATS_URL = process.env.NATS_URL || 'nats://127.0.0.1:4222';

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
  for (const unit of launchUnits(REPLICAS, TOGETHER)) {
    for (const handle of startUnit(unit, env, { output: 'file', basePort })) {
      children.add(handle.child);
      handles.push(handle);
    }
  }
  const crash = new Promise((_, reject) => {
    for (const h of handles) {
      h.exited.then(({ code, signal }) => {
        if (!stopping && !isInterrupted())
          reject(new Error(`${h.label} stopped unexpectedly (code ${code}, signal ${signal}); its last lines:\n${h.logs.slice(-30).join('\n')}`));
      });
    }
  });
  crash.catch(() => undefined);
  serviceHandles = handles;
  await Promise.race([Promise.all(handles.map((h) => waitReady(h, 120_000))), crash]);
  const stop = async () => {
    stopping = true;
    await Promise.all(handles.map((h) => stopService(h)));
  };
  return { handles, crash, stop };
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
//                 the casework.case row), which also gives the case id and the event id; the moment
//                 the bench first sees it is when the case became visible
//   deadline set  scheduling.deadline has a row for the case, and scheduling's inbox holds the
//                 case.opened event (the transaction that set the deadline)
//   counted       reporting's inbox holds both its intake.referral.received event and its
//                 casework.case.opened event: both counters (referrals received, cases opened)
//                 include it
//   acknowledged  notify.delivery holds its acknowledgement, sent
// Each poll is one statement that reads only what is new and looks each outstanding key up in an index: outbox
// rows past a position cursor (a position skipped while its transaction was still open is asked
// for again, so rows that commit out of position order (STACK.md trap 5) are never missed), and
// inbox, deadline and delivery rows for the events, cases and referrals still outstanding, joined from
// their arrays one key at a time (the observer's session plans only nested index lookups, OBSERVER_PLANNING).
// Written as `key = ANY(array)` filters, the tables had no statistics yet when the plan was made, and each
// poll read every row of each table: the bench's own share of the CPU grew with the run (5.3 ms a referral at 60 s).
const POLL_SQL = `${OBSERVER_MARK}
  SELECT 'casework' AS src, position::text AS pos, id::text AS id, envelope->>'type' AS type,
         envelope->'data'->>'referralId' AS referral_id, envelope->'data'->>'caseId' AS case_id,
         envelope->'data'->>'openedAt' AS opened_at, NULL::float8 AS at_ms
    FROM casework.outbox WHERE position > $1::bigint AND position <> ALL($2::bigint[])
  UNION ALL
  SELECT 'intake', position::text, id::text, envelope->>'type', envelope->>'subject', NULL, NULL, NULL
    FROM intake.outbox WHERE position > $3::bigint AND position <> ALL($4::bigint[])
  UNION ALL
  SELECT 'deadline', NULL, NULL, NULL, NULL, k.id::text, NULL, NULL::float8
    FROM unnest($6::uuid[]) AS k(id)
    CROSS JOIN LATERAL (SELECT 1 FROM scheduling.deadline d WHERE d.organisation_id = $5::uuid AND d.case_id = k.id LIMIT 1) AS d
  UNION ALL
  SELECT 'scheduling-inbox', NULL, k.id::text, NULL, NULL, NULL, NULL, extract(epoch FROM i.processed_at)::float8 * 1000
    FROM unnest($8::uuid[]) AS k(id)
    CROSS JOIN LATERAL (SELECT processed_at FROM scheduling.inbox i WHERE i.consumer = $7 AND i.event_id = k.id LIMIT 1) AS i
  UNION ALL
  SELECT 'reporting-inbox', NULL, k.id::text, NULL, NULL, NULL, NULL, extract(epoch FROM i.processed_at)::float8 * 1000
    FROM unnest($9::text[]) AS c(consumer) CROSS JOIN unnest($10::uuid[]) AS k(id)
    CROSS JOIN LATERAL (SELECT processed_at FROM reporting.inbox i WHERE i.consumer = c.consumer AND i.event_id = k.id LIMIT 1) AS i
  UNION ALL
  SELECT 'acknowledged', NULL, NULL, NULL, k.id::text, NULL, NULL, extract(epoch FROM d.sent_at)::float8 * 1000
    FROM unnest($11::uuid[]) AS k(id)
    CROSS JOIN LATERAL (
      SELECT sent_at FROM notify.delivery d
       WHERE d.organisation_id = $5::uuid AND d.referral_id = k.id AND d.kind = 'referral-acknowledgement' AND d.status = 'sent' LIMIT 1
    ) AS d`;

/**
 * The observer's session: read-only, planning the poll as nested loops of index lookups (see POLL_SQL), and planning it
 * afresh each time, on the tables' sizes now: a generic plan is made once, when they were nearly empty.
 */
const OBSERVER_PLANNING =
  '-c default_transaction_read_only=on -c plan_cache_mode=force_custom_plan -c enable_seqscan=off -c enable_bitmapscan=off -c enable_hashjoin=off -c enable_mergejoin=off';

// The very event types scheduling and reporting consume (from the built protocol), so the bench
// waits for what the services really do; `--check` (in npm test) fails when it stops seeing them.
// Read in main() once the build is known to exist, with the durable consumers' names.
let CASE_OPENED;
let REFERRAL_RECEIVED;
let durableName;

/** Outbox positions seen so far: everything up to `low`, and the ones in `seen` above it. */
class OutboxCursor {
  /** A gap older than this is a rolled-back transaction, never a late commit (transactions time out at 15 s). */
  static HOLE_GIVE_UP_MS = 20_000;
  seen = new Set();
  holeSince;

  constructor(low) {
    this.low = low;
  }

  get params() {
    return [String(this.low), [...this.seen].map(String)];
  }

  saw(position, at) {
    if (position > this.low) this.seen.add(position);
    for (;;) {
      if (this.seen.delete(this.low + 1)) {
        this.low += 1;
        this.holeSince = undefined;
      } else if (this.seen.size > 0 && at - (this.holeSince ??= at) >= OutboxCursor.HOLE_GIVE_UP_MS) {
        this.low += 1;
        this.holeSince = undefined;
      } else return;
    }
  }
}

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

  constructor(pool, organisationId, namespace) {
    this.pool = pool;
    this.organisationId = organisationId;
    this.schedulingConsumer = durableName(namespace, 'scheduling', CASE_OPENED);
    this.reportingConsumers = [durableName(namespace, 'reporting', CASE_OPENED), durableName(namespace, 'reporting', REFERRAL_RECEIVED)];
  }

  /** Starts the cursors at the outboxes' ends: only referrals sent from now on matter. */
  async start() {
    const { rows } = await this.pool.query(
      `${OBSERVER_MARK} SELECT (SELECT coalesce(max(position), 0) FROM casework.outbox)::text AS casework, (SELECT coalesce(max(position), 0) FROM intake.outbox)::text AS intake,
         pg_backend_pid() AS pid`,
    );
    this.queries = 1;
    /** The server process that runs the polls: its CPU is the bench's, not the services'. */
    this.backendPid = String(rows[0].pid);
    this.casework = new OutboxCursor(Number(rows[0].casework));
    this.intake = new OutboxCursor(Number(rows[0].intake));
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
    // Its whole chain may have been seen before its 201 came back (a slow answer, a fast chain): it completed then.
    if (state.completedAt !== undefined) record.completion = state;
    else this.complete(state, record.acceptedAt);
  }

  /** Polls once; returns whether it learnt of new events (worth polling again at once). */
  async poll() {
    const deadlines = [];
    const scheduling = [];
    const reporting = [];
    const acknowledgements = [];
    for (const s of this.open) {
      if (s.caseId && !s.deadline) deadlines.push(s.caseId);
      if (s.caseEventId && s.deadlineTxMs === undefined) scheduling.push(s.caseEventId);
      if (s.caseEventId && s.countedCaseMs === undefined) reporting.push(s.caseEventId);
      if (s.receivedEventId && s.countedReferralMs === undefined) reporting.push(s.receivedEventId);
      if (s.ackMs === undefined) acknowledgements.push(s.referralId);
    }
    const began = now();
    // Prepared once: at 50 polls a second, parsing and planning this union afresh had been a third of PostgreSQL's CPU at 10/s.
    const { rows } = await this.pool.query({ name: 'bench-completion-poll', text: POLL_SQL }, [
      ...this.casework.params,
      ...this.intake.params,
      this.organisationId,
      deadlines,
      this.schedulingConsumer,
      scheduling,
      this.reportingConsumers,
      reporting,
      acknowledgements,
    ]);
    const at = now();
    this.polls += 1;
    this.pollTotalMs += at - began;
    this.pollMaxMs = Math.max(this.pollMaxMs, at - began);

    const touched = new Set();
    let learnt = false;
    for (const row of rows) {
      if (row.src === 'casework' || row.src === 'intake') {
        (row.src === 'casework' ? this.casework : this.intake).saw(Number(row.pos), at);
        learnt = true;
        if (!row.referral_id) continue;
        if (row.src === 'casework' && row.type === CASE_OPENED) {
          const s = this.state(row.referral_id);
          Object.assign(s, { caseId: row.case_id, caseEventId: row.id, openedMs: Date.parse(row.opened_at), caseSeenMs: at });
          this.events.set(row.id, { state: s, kind: 'case' });
          this.cases.set(row.case_id, s);
        } else if (row.src === 'intake' && row.type === REFERRAL_RECEIVED) {
          const s = this.state(row.referral_id);
          s.receivedEventId = row.id;
          this.events.set(row.id, { state: s, kind: 'referral' });
        }
      } else if (row.src === 'deadline') {
        const s = this.cases.get(row.case_id);
        if (s) ((s.deadline = true), touched.add(s));
      } else if (row.src === 'acknowledged') {
        const s = this.referrals.get(row.referral_id);
        if (s) ((s.ackMs = row.at_ms), touched.add(s));
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
    this.casework.saw(this.casework.low, at);
    this.intake.saw(this.intake.low, at);
    for (const s of touched) this.complete(s, at);
    return learnt;
  }

  complete(s, at) {
    if (!this.open.has(s)) return;
    if (!(
      s.caseEventId &&
      s.deadline &&
      s.deadlineTxMs !== undefined &&
      s.countedCaseMs !== undefined &&
      s.countedReferralMs !== undefined &&
      s.ackMs !== undefined
    ))
      return;
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

  /** Transactions the observer itself ran on the services' database (each query is one). */
  get transactions() {
    return this.queries + this.polls;
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

/**
 * The services' tables analysed once, as the warm-up ends, in one transaction: a bench's database starts empty, where a
 * server in use has statistics on its tables. Without them the statements each service prepared on near-empty tables keep
 * plans that scan (a generic plan is made at the sixth run and kept until an ANALYZE, which autovacuum, every 60 s by
 * default, may not run within a bench); the ANALYZE replaces them. One transaction, which the bench counts as its own.
 */
async function analyse(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl, application_name: 'skeleton-bench-analyse' });
  await client.connect();
  try {
    await client.query(`${OBSERVER_MARK} BEGIN`);
    await client.query(`${OBSERVER_MARK} ANALYZE`);
    await client.query(`${OBSERVER_MARK} COMMIT`);
  } finally {
    await client.end();
  }
}

async function drive({ apiUrl, apiKey, contractId, organisationId, runId, namespace, pool, services, mailPid, databaseUrl }) {
  const interval = 1000 / RATE;
  const warmupCount = Math.round(RATE * WARMUP_S);
  const total = warmupCount + Math.round(RATE * DURATION_S);
  const url = `${apiUrl}/v1/referrals`;
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  // An idle socket is closed by the bench after 2 s, well before the gateway's 5 s: a request sent on a socket the
  // server is closing at that moment fails with ECONNRESET (seen 4 times in 12,600 requests without this).
  const agent = new http.Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT, timeout: 2_000 });
  const observer = new CompletionObserver(pool, organisationId, namespace);
  await observer.start();
  const records = [];
  let inFlight = 0;
  let maxInFlightSeen = 0;

  const start = now() + 100;
  const measureStart = start + warmupCount * interval;
  const measureEnd = measureStart + DURATION_S * 1000;
  const cpu = {};
  const processes = {
    [process.pid]: 'bench',
    // Services sharing a process (--together) are one name: `gateway+intake`.
    ...Object.fromEntries(services.handles.map((h) => [h.child.pid, h.process === h.label ? h.name : h.process])),
    ...(mailPid ? { [mailPid]: 'mail catcher' } : {}),
    [observer.backendPid]: 'postgres for the bench',
  };
  // Per replica too, for the split: by label (`casework#2`).
  const labels = Object.fromEntries(services.handles.map((h) => [h.child.pid, h.process]));
  /** The bench's own transactions besides its polls: the ANALYZE's one, once it has run. */
  let analysed = Promise.resolve(0);
  const timers = [
    setTimeout(() => (cpu.from = cpuSnapshot(processes)), measureStart - now()),
    setTimeout(() => (cpu.to = cpuSnapshot(processes)), measureEnd - now()),
    setTimeout(() => {
      analysed = analyse(databaseUrl).then(() => 1);
      // Awaited after the drain; handled now, so a failure meanwhile is not an unhandled rejection that ends the process.
      analysed.catch(() => undefined);
    }, measureStart - now()),
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
    postJson(agent, url, headers, referralBody(contractId, i, runId), REQUEST_TIMEOUT_MS)
      .then(({ status, text }) => {
        const at = now();
        if (status !== 201) {
          record.error = `HTTP ${status}${text ? ` ${text.slice(0, 300)}` : ''}`;
          return;
        }
        const body = JSON.parse(text);
        Object.assign(record, { acceptedAt: at, id: body.id, receivedMs: Date.parse(body.receivedAt) });
        observer.accepted(record);
      })
      .catch((error) => {
        record.error = error.code === 'TIMEOUT' ? error.message : `network: ${error.code ?? error.message}`;
      })
      .finally(() => {
        inFlight -= 1;
      });
  }

  // Open loop: each request leaves at its own time, however the earlier ones are doing.
  let next = 0;
  const sending = new Promise((resolve) => {
    const tick = () => {
      if (isInterrupted()) return resolve();
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
    timers.forEach(clearTimeout);
    // Everything finished before the window's end (an idle system): close the window now.
    if (cpu.from && !cpu.to) cpu.to = cpuSnapshot(processes);
    polling = false;
    await poller.catch(() => undefined);
    agent.destroy();
  }
  const analyses = await analysed;
  const orphans = [...observer.referrals.values()].filter((s) => s.receivedEventId && !s.record).length;
  return {
    records,
    orphans,
    unfinished: [...observer.open].filter((s) => s.record).map(missingStages),
    measureStart,
    measureEnd,
    maxInFlightSeen,
    cpu: cpuUse(cpu.from, cpu.to),
    cpuByReplica: cpu.from && cpu.to ? cpuUse(relabel(cpu.from, labels), relabel(cpu.to, labels)) : null,
    observerTransactions: observer.transactions + analyses,
    /** Referrals intake stored (a 201, or a request the bench saw time out): the work the database did. */
    stored: [...observer.referrals.values()].filter((s) => s.receivedEventId).length,
    poll: { count: observer.polls, meanMs: observer.polls ? observer.pollTotalMs / observer.polls : 0, maxMs: observer.pollMaxMs },
  };
}

/** What an accepted referral still lacks when the drain ends, to say where the chain stopped. */
function missingStages(s) {
  const missing = [
    [!s.receivedEventId, 'referral.received in intake.outbox'],
    [!s.caseEventId, 'case.opened in casework.outbox'],
    [!s.deadline, 'a deadline row'],
    [s.deadlineTxMs === undefined, "scheduling's inbox row"],
    [s.countedReferralMs === undefined, "reporting's inbox row for the referral"],
    [s.countedCaseMs === undefined, "reporting's inbox row for the case"],
    [s.ackMs === undefined, 'the acknowledgement sent'],
  ];
  return `${s.referralId}: no ${missing
    .filter(([lacks]) => lacks)
    .map(([, what]) => what)
    .join(', no ')}`;
}

/** The same snapshot with the services' processes named by replica label instead of service. */
function relabel(snapshot, labels) {
  const processes = new Map([...snapshot.processes].map(([pid, p]) => [pid, { ...p, name: labels[pid] ?? p.name }]));
  return { ...snapshot, processes };
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
    if (unique >= expected || now() >= until || isInterrupted()) return result;
    await sleep(250);
  }
}

// ---------------------------------------------------------------------------------------------
// report

function report({ records, orphans, unfinished, measureStart, measureEnd, maxInFlightSeen, cpu, cpuByReplica, poll }, mail, context) {
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
  const acknowledged = stage((s) => s.ackMs);
  const caseVisible = stage((s) => s.caseSeenMs);
  const acceptedInWindow = records.filter((r) => inWindow(r.acceptedAt)).length;
  const p = (values) => `p50 ${ms(percentile(values, 50))}  p99 ${ms(percentile(values, 99))}  max ${ms(values.at(-1) ?? NaN)}`;
  const p5099 = (values) => `${ms(percentile(values, 50))} / ${ms(percentile(values, 99))}`;

  const errors = records.filter((r) => r.error);
  const kinds = new Map();
  for (const r of errors) {
    const kind = errorKind(r.error);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const allAccepted = records.filter((r) => r.acceptedAt !== undefined);
  const incomplete = allAccepted.filter((r) => !r.completion).length;
  const lastDone = Math.max(0, ...allAccepted.map((r) => r.completion?.completedAt ?? 0));
  const drained =
    incomplete > 0
      ? `${incomplete} of ${allAccepted.length} accepted referrals still incomplete after the ${DRAIN_TIMEOUT_S} s drain (${unfinished.slice(0, 3).join('; ')})`
      : `all ${allAccepted.length} accepted referrals complete, the last ${Math.max(0, (lastDone - measureEnd) / 1000).toFixed(1)} s after sending stopped`;

  const lines = [
    '',
    'skeleton benchmark: POST /v1/referrals -> case opened -> deadline set -> counted (+ acknowledgement email)',
    `machine            ${context.machine}`,
    `run                ${WARMUP_S} s warm-up + ${DURATION_S} s measured, open loop, in-flight cap ${MAX_IN_FLIGHT} (max reached ${maxInFlightSeen}), completion polled every ${POLL_MS} ms, tables analysed as the warm-up ended`,
    `offered            ${perSecond(RATE)} (${measured.length} referrals in the measured window, ${records.length} with warm-up)`,
    `accepted           ${perSecond(records.filter((r) => inWindow(r.acceptedAt)).length / windowS)} (HTTP 201 responses inside the measured window)`,
    `completed          ${perSecond(records.filter((r) => inWindow(r.completion?.completedAt)).length / windowS)} end to end (completions observed inside the measured window)`,
    `accept latency     ${p(acceptLatency)}  (scheduled send -> 201; n=${acceptLatency.length})`,
    `end-to-end         ${p(e2e)}  (received_at -> case, deadlines, both counts and the acknowledgement seen; n=${e2e.length})`,
    `case visible       ${p(caseVisible)}  (received_at -> the case's row committed and seen by the bench; n=${caseVisible.length})`,
    `  stages p50 / p99 case opened ${p5099(opened)}, deadline set ${p5099(deadline)}, counted ${p5099(counted)}, acknowledged ${p5099(acknowledged)} (from received_at, database clocks)`,
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
            ? [
                `  note             other work on this machine (other processes ${cpu.foreign.toFixed(2)} cores, unattributed ${cpu.unattributed.toFixed(2)}) competed with the run: run it again on a quiet machine`,
              ]
            : []),
        ]
      : []),
    ...cpuPerReferral(cpu, acceptedInWindow),
    ...sqlLines(context.sql),
    `idle memory        ${context.idleRss.map(([label, mb]) => `${label} ${mb.toFixed(0)} MB`).join(', ')} (resident set of each service before load)`,
    ...splitLines(context.split, cpuByReplica),
    ...warningLines(),
    `completion polls   ${poll.count}, mean ${ms(poll.meanMs)}, max ${ms(poll.maxMs)}`,
    `isolation          database ${context.database}${context.privatePostgres ? ' on a private PostgreSQL' : ''}, NATS namespace ${context.namespace}, services on ports ${allPorts(context.basePort, REPLICAS).join(',')}`,
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

/** CPU milliseconds each process spent in the measured window per referral accepted in it (steady state: the same as completed). */
function cpuPerReferral(cpu, referrals) {
  if (!cpu || referrals === 0) return [];
  const services = new Set([...SERVICES.map((s) => s.name), 'postgres', 'nats-server', 'redis-server', 'mail catcher', ...BENCH_PROCESSES]);
  // A group of services sharing a process (--together) is named `gateway+intake`.
  const rows = [...cpu.msByName].filter(([name]) => name.split('+').every((n) => services.has(n))).sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, msSpent]) => sum + msSpent, 0);
  const replicas = (name) => (REPLICAS[name] > 1 ? ` (${REPLICAS[name]} replicas)` : '');
  return [
    `cpu ms / referral  ${(total / referrals).toFixed(1)} in all: ${rows.map(([name, msSpent]) => `${name}${replicas(name)} ${(msSpent / referrals).toFixed(1)}`).join(', ')} (measured window, ${referrals} accepted in it)`,
  ];
}

function sqlLines(sql) {
  if (!sql) return [];
  const per = (n) => (n / sql.referrals).toFixed(1);
  const lines = [
    `transactions       ${per(sql.transactions)} per referral (${sql.transactions} on the services' database from the first send until every service stopped, ${sql.rolledBack} of them rolled back, for the ${sql.referrals} referrals intake stored; pg_stat_database)`,
  ];
  if (!sql.statements) {
    lines.push(`statements         unavailable: pg_stat_statements is not loaded; ${HOW_TO_ENABLE}`);
    return lines;
  }
  const total = sql.statements.reduce((sum, st) => sum + st.calls, 0);
  const serverMs = sql.statements.reduce((sum, st) => sum + st.ms, 0);
  const blocks = sql.statements.reduce((sum, st) => sum + st.blocks, 0);
  const msPer = (ms) => (ms / sql.referrals).toFixed(2);
  lines.push(
    `statements         ${per(total)} per referral (${total} in that window, pg_stat_statements; idle background ${sql.idleStatementsPerS.toFixed(1)}/s before load)`,
    `  calls   ms  blocks per referral (ms planning and executing, lock waits included; blocks of 8 kB read or found in memory: one that`,
    `                              grows with the tables is a scan)   most called first`,
    `  ${per(total).padStart(5)}  ${msPer(serverMs).padStart(5)}  ${per(blocks).padStart(6)}  all`,
  );
  for (const st of sql.statements.slice(0, TOP_STATEMENTS))
    lines.push(`  ${per(st.calls).padStart(5)}  ${msPer(st.ms).padStart(5)}  ${per(st.blocks).padStart(6)}  ${st.query.slice(0, 130)}`);
  return lines;
}

/** How each replicated service's events and relay publishing split between its replicas. */
function splitLines(split, cpuByReplica) {
  const lines = [];
  for (const [service, replicas] of Object.entries(split ?? {})) {
    if (replicas.length < 2) continue;
    const events = replicas.reduce((sum, r) => sum + r.events, 0);
    const published = replicas.reduce((sum, r) => sum + r.published, 0);
    const cores = (label) => cpuByReplica?.perProcess.find(([name]) => name === label)?.[1];
    const share = (n, of) => `${of ? ((100 * n) / of).toFixed(0) : 0}%`;
    lines.push(
      `  ${service.padEnd(16)} ${replicas.map((r) => `${r.label} ${r.read ? `${r.events} events (${share(r.events, events)})` : 'metrics unavailable'}${r.published ? `, ${share(r.published, published)} of relayed` : ''}${cores(r.label) !== undefined ? `, ${cores(r.label).toFixed(2)} cores` : ''}`).join('; ')}`,
    );
  }
  return lines.length ? ['replicas           events handled (events_consumed_total) and outbox rows relayed, per replica:', ...lines] : [];
}

/** Warnings and errors the services logged during the run, by service, with the most frequent. */
function warningLines() {
  const lines = [];
  // One entry per process: services sharing one (--together) share its output.
  for (const h of new Map(serviceHandles.map((handle) => [handle.child, handle])).values()) {
    const messages = new Map();
    for (const line of h.logs) {
      try {
        const entry = JSON.parse(line);
        if (entry.level < 40) continue;
        const text = `${entry.msg ?? ''}${entry.err?.message ? `: ${entry.err.message}` : ''}`
          .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>')
          .replace(/\d+/g, 'N')
          .slice(0, 200);
        messages.set(text, (messages.get(text) ?? 0) + 1);
      } catch {
        // not a log entry
      }
    }
    if (messages.size === 0) continue;
    const [top, n] = [...messages].sort((a, b) => b[1] - a[1])[0];
    lines.push(`  ${h.process.padEnd(16)} ${[...messages.values()].reduce((a, b) => a + b, 0)} lines; most often (${n}x): ${top}`);
  }
  return lines.length ? ['warnings           logged by the services during the run:', ...lines] : [];
}

/** Each replica's events handled and outbox rows relayed, from its /metrics. */
async function replicaSplit(handles) {
  const split = {};
  for (const h of handles) {
    // Each service serves /metrics on its metrics port, apart from its API (the API port answers 404 there).
    const text = await fetch(`http://127.0.0.1:${h.metricsPort}/metrics`)
      .then((res) => (res.ok ? res.text() : ''))
      .catch(() => '');
    const sum = (pattern) => [...text.matchAll(pattern)].reduce((total, m) => total + Number(m[1]), 0);
    (split[h.name] ??= []).push({
      label: h.label,
      read: /^events_consumed_total\{/m.test(text),
      events: sum(/^events_consumed_total\{[^}]*outcome="(?:handled|duplicate)"[^}]*\} (\d+)/gm),
      published: sum(/^outbox_published_total\{[^}]*\} (\d+)/gm),
    });
  }
  return split;
}

/** Replicated services whose split could not be read or counted nothing: a split that stopped measuring fails `--check`. */
function splitProblems(split) {
  return Object.entries(split ?? {})
    .filter(([, replicas]) => replicas.length > 1)
    .filter(([, replicas]) => replicas.some((r) => !r.read) || replicas.every((r) => r.events === 0))
    .map(
      ([service, replicas]) =>
        `the split of ${service}'s events between its replicas was not measured (${replicas.map((r) => `${r.label}: ${r.read ? `${r.events} events` : 'no events_consumed_total on its /metrics'}`).join(', ')})`,
    );
}

/** Resident memory of each service process, in MB (Linux), before any load. */
function idleRss(handles) {
  // One reading per process: services sharing one (--together) are read once, under the group's name.
  const processes = [...new Map(handles.map((h) => [h.child.pid, h])).values()];
  return processes.map((h) => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${h.child.pid}/status`, 'utf8'))[1]);
      return [h.process, kb / 1024];
    } catch {
      return [h.process, NaN];
    }
  });
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
    if (!existsSync(path.join(ROOT, 'dist/apps', s.name, 'src/main.js')))
      throw new Error(`dist/apps/${s.name}/src/main.js is missing: run \`npm run build\` first`);
  }
  ({ type: CASE_OPENED } = require('../../dist/libs/protocol/src/index.js').CaseOpenedV2);
  ({ type: REFERRAL_RECEIVED } = require('../../dist/libs/protocol/src/index.js').ReferralReceivedV2);
  const { SubjectNames } = require('../../dist/libs/protocol/src/index.js');
  durableName = (namespace, service, type) => new SubjectNames(namespace).durable(service, type);
  if (flags['private-postgres']) BASE_DATABASE_URL = await startPrivatePostgres({ onCleanup, freePort, log });
  for (const [name, url] of [
    ['PostgreSQL', BASE_DATABASE_URL],
    ['Redis', REDIS_URL],
    ['NATS', NATS_URL],
  ]) {
    if (!(await reachable(url)))
      throw new Error(
        `${name} does not answer at ${url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@')}; start it (npm start finds or starts all three) or set its URL`,
      );
  }

  const runId = randomBytes(4).toString('hex');
  const namespace = `bench_${runId}`;
  const context = { machine: machine(), namespace, privatePostgres: flags['private-postgres'] };

  log(`database mediation_bench_${runId}: creating and migrating`);
  const database = await createBenchDatabase(BASE_DATABASE_URL, runId, { keep: flags.keep });
  context.database = database.name;
  checkInterrupted();
  registerNamespaceCleanup(namespace, { natsUrl: NATS_URL, redisUrl: REDIS_URL });

  const mailLogs = [];
  const mail = await startMailCatcher(mailLogs);
  checkInterrupted();

  const basePort = await findBasePort(BASE_PORT);
  context.basePort = basePort;
  const env = {
    DATABASE_URL: applicationLoginUrl(database.url),
    REDIS_URL,
    NATS_URL,
    NATS_NAMESPACE: namespace,
    SMTP_URL: mail.smtpUrl,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    // The bench measures the platform, not one API key's limit: at 3,000 a minute (the default) a run longer than a
    // minute at 50/s or more was held at 50/s by the limiter's 429s, whatever the machine could do.
    RATE_LIMIT_PER_MINUTE: String(Math.max(3_000, Math.ceil(RATE * 60 * 2))),
  };
  log(`starting the services on ports ${allPorts(basePort, REPLICAS).join(',')} (namespace ${namespace})`);
  const services = await startServices(env, basePort);
  checkInterrupted();

  const apiUrl = `http://127.0.0.1:${basePort}`;
  log('seeding an organisation, API key and contract');
  const credentials = await runSeed(env, apiUrl, mail.messagesUrl);
  checkInterrupted();

  // Read-only from here on: the bench never writes to the services' tables.
  const pool = new Pool({
    connectionString: database.url,
    max: 1,
    // Kept open, so the polls run in one server process whose CPU the bench counts as its own.
    idleTimeoutMillis: 0,
    application_name: 'skeleton-bench-observer',
    options: OBSERVER_PLANNING,
  });
  let poolOpen = true;
  const endPool = async () => {
    if (poolOpen) await pool.end();
    poolOpen = false;
  };
  onCleanup('observer connection', endPool);
  const counter = await sqlCounter(withDatabase(BASE_DATABASE_URL, 'postgres'), database.name);
  onCleanup('statistics connection', () => counter.close());

  // Idle first: each service's memory before any load, and what the platform does on its own. The
  // memory is read once boot's garbage has had time to go (V8 shrinks an idle heap after some seconds).
  const idleStart = await counter.begin();
  await sleep(IDLE_S * 1000);
  context.idleRss = idleRss(services.handles);
  const idle = await counter.since(idleStart);
  const idleStatementsPerS = (idle.statements ?? []).reduce((sum, st) => sum + st.calls, 0) / IDLE_S;
  checkInterrupted();

  log(`sending ${RATE}/s for ${WARMUP_S} s warm-up + ${DURATION_S} s measured`);
  const window = await counter.begin();
  const result = await drive({
    apiUrl,
    apiKey: credentials.apiKey,
    contractId: credentials.contractId,
    organisationId: credentials.organisationId,
    runId,
    namespace,
    pool,
    services,
    mailPid: mail.pid,
    databaseUrl: database.url,
  });
  checkInterrupted();
  const accepted = result.records.filter((r) => r.acceptedAt !== undefined).length;
  const mailCount = await countMail(mail.messagesUrl, runId, accepted, DRAIN_TIMEOUT_S * 1000);
  checkInterrupted();
  context.split = await replicaSplit(services.handles);
  // Backends flush their transaction counts when they end: stop everything that used the database.
  await endPool();
  await services.stop();
  const counts = await counter.since(window);
  context.sql = {
    statements: counts.statements,
    transactions: counts.committed + counts.rolledBack - result.observerTransactions,
    rolledBack: counts.rolledBack,
    referrals: Math.max(1, result.stored),
    idleStatementsPerS,
  };

  const problems = [...report(result, mailCount, context), ...splitProblems(context.split)];
  if (flags.check && problems.length > 0) throw new Error(`--check: ${problems.join('; ')}`);
  if (flags.check) console.log('check              passed: every accepted referral completed, one acknowledgement each');
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  if (!(error instanceof Interrupted) && !isInterrupted()) {
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
process.exit(isInterrupted() ? 130 : exitCode);

/** An error's kind for the summary: its status, and for a 503 whether the service did the work or not. */
function errorKind(error) {
  const kind = error.replace(/\s+\{.*$/, '');
  // At the door (the gateway's admission, costing nothing) or behind it (a service's queue, after the gateway's work).
  if (error.includes('The gateway is at capacity')) return `${kind} busy (refused unstarted by the gateway)`;
  if (error.includes('did not start this request')) return `${kind} busy (refused unstarted by a service)`;
  if (error.includes('may still have been processed')) return `${kind} not answered in time (may have been processed)`;
  return kind;
}
