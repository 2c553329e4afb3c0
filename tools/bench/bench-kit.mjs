// What every benchmark here needs: figures (percentiles, units), the machine's description, free ports, a database
// and a NATS/Redis namespace of its own, and a clean-up registry that undoes everything on success, failure and
// Ctrl-C. Used by skeleton.bench.mjs (`npm run bench`) and webhooks.bench.mjs (`npm run bench:webhooks`).
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { migrate } = require('../db/migrate.cjs');
const { Client } = require('pg');
const IORedis = require('ioredis');
const { connect: natsConnect } = require('@nats-io/transport-node');
const { jetstreamManager } = require('@nats-io/jetstream');

// ---------------------------------------------------------------------------------------------
// small helpers

/** Milliseconds since the Unix epoch, fractional and monotonic: comparable with PostgreSQL's clock. */
export const now = () => performance.timeOrigin + performance.now();
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`;

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}
export const ms = (value) =>
  Number.isNaN(value) ? 'n/a' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
export const perSecond = (value) => `${value.toFixed(1)}/s`;

export function withDatabase(url, database) {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

export function portFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function freePort(from) {
  for (let port = from; port < from + 200; port += 1) if (await portFree(port)) return port;
  throw new Error(`no free port between ${from} and ${from + 200}`);
}

export function machine() {
  let kernel = `${os.type()} ${os.release()}`;
  try {
    kernel = execFileSync('uname', ['-sr'], { encoding: 'utf8' }).trim();
  } catch {
    // uname is missing (Windows): os.type/os.release say nearly as much
  }
  const cpu = os.cpus()[0]?.model?.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  return `${os.availableParallelism?.() ?? os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, node ${process.version}, ${kernel}`;
}

// ---------------------------------------------------------------------------------------------
// clean-up: every resource registers how to undo itself as soon as it exists

const cleanups = [];
let cleaningUp;
/** Child processes to kill, at least, if the bench exits without its clean-up. */
export const children = new Set();

export function onCleanup(name, fn) {
  cleanups.push({ name, fn });
}

export function cleanup() {
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
export const isInterrupted = () => interrupted;
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

export class Interrupted extends Error {}
export const checkInterrupted = () => {
  if (interrupted) throw new Interrupted('interrupted');
};

// ---------------------------------------------------------------------------------------------
// infrastructure of its own

/** A migrated database `mediation_bench_<id>` on the server of `baseUrl` (the owner's URL), dropped at clean-up unless `keep`. */
export async function createBenchDatabase(baseUrl, id, { keep = false } = {}) {
  const name = `mediation_bench_${id}`;
  const url = withDatabase(baseUrl, name);
  onCleanup(`database ${name}`, async () => {
    if (keep) return console.log(`bench: kept database ${name} for inspection (drop it when done)`);
    const admin = new Client({ connectionString: withDatabase(baseUrl, 'postgres') });
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

/** At clean-up, deletes the namespace's streams (EVENTS_<NS>, DLQ_<NS>) and its Redis keys (`bull-<ns>:*` and any other `redisPatterns`). */
export function registerNamespaceCleanup(namespace, { natsUrl, redisUrl, redisPatterns = [] }) {
  onCleanup(`NATS streams and Redis keys of namespace ${namespace}`, async () => {
    const nc = await natsConnect({ servers: natsUrl, name: 'bench-cleanup', timeout: 5_000 });
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
    const redis = new IORedis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
    try {
      await redis.connect();
      for (const pattern of [`bull-${namespace}:*`, ...redisPatterns]) {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
          if (keys.length > 0) await redis.unlink(...keys);
          cursor = next;
        } while (cursor !== '0');
      }
    } finally {
      redis.disconnect();
    }
  });
}

/**
 * POSTs a JSON body and answers the status and text (a timeout or network failure rejects, with `code`
 * 'TIMEOUT' for the former). node:http with a keep-alive agent rather than fetch: the load generator runs on
 * the machine it measures, and fetch cost it about 250 us more CPU a request (measured here, client and server).
 */
export function postJson(agent, url, headers, body, timeoutMs) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    // Nothing comes back before the answer, so no bytes for this long is the whole request taking this long.
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error(`timeout after ${timeoutMs} ms`), { code: 'TIMEOUT' })));
    req.on('error', reject);
    req.end(body);
  });
}
