#!/usr/bin/env node
// `npm run bench:deadlines`: what 100k pending deadlines cost in Redis, and how late their alarms ring.
//
//   1. a fresh database (mediation_bench_<random>) and NATS/Redis namespace of its own;
//   2. 100k pending deadlines: rows inserted straight into scheduling.deadline, and one BullMQ delayed
//      job each (`deadline-<id>-r1`, the engine's own job ids and options) added with addBulk in batches;
//      all but the sample fall due over the next 30 days;
//   3. Redis memory before and after (INFO memory, and MEMORY USAGE summed over the namespace's keys,
//      which other Redis users cannot disturb);
//   4. the built scheduling service is started; a sample (1,000 by default) of the deadlines falls due
//      within the next minute, and its firing lateness (fired_at - due_at, from PostgreSQL) is printed
//      as p50 / p99 / max;
//   5. everything is removed afterwards, on success, failure or Ctrl-C.
//
//   npm run bench:deadlines -- [--count 100000] [--sample 1000] [--batch 1000] [--port 4393] [--keep]
//
// Needs a build (`node tools/build/build.mjs`) and PostgreSQL, Redis and NATS (MIGRATION_DATABASE_URL, REDIS_URL,
// NATS_URL, else the standard local ports). It prints figures; it is not a test and asserts nothing.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { SERVICES, startService, waitReady, stopService } = require('../dev/services.cjs');
const { migrate } = require('../db/migrate.cjs');
const { applicationLoginUrl, migrationDatabaseUrl } = require('../db/database-urls.cjs');
const { Client } = require('pg');
const IORedis = require('ioredis');
const { Queue } = require('bullmq');
const { connect: natsConnect } = require('@nats-io/transport-node');
const { jetstreamManager } = require('@nats-io/jetstream');

const { values: flags } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    sample: { type: 'string', default: '1000' },
    batch: { type: 'string', default: '1000' },
    port: { type: 'string', default: '4393' },
    keep: { type: 'boolean', default: false },
  },
  strict: true,
});
const COUNT = Number(flags.count);
const SAMPLE = Math.min(Number(flags.sample), COUNT);
const BATCH = Number(flags.batch);
// The owner's URL: it creates the database and loads the rows; scheduling logs in as the application role.
const DATABASE_URL = migrationDatabaseUrl();
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
// The engine's own BullMQ defaults (libs/jobs JobsService): the bench measures what production stores.
const JOB_OPTIONS = { removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 }, attempts: 5, backoff: { type: 'exponential', delay: 1_000 } };

const log = (line) => process.stdout.write(`${line}\n`);
const suffix = randomBytes(4).toString('hex');
const database = `mediation_bench_${suffix}`;
const namespace = `bd${suffix}`;
const dbUrl = (() => {
  const url = new URL(DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
})();

let sql;
let redis;
let queue;
let queueConnection;
let service;
let cleaned = false;

async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  if (service) await stopService(service).catch(() => undefined);
  await queue?.close().catch(() => undefined);
  queueConnection?.disconnect();
  await sql?.end().catch(() => undefined);
  if (flags.keep) {
    log(`kept database ${database} and namespace ${namespace}`);
    redis?.disconnect();
    return;
  }
  if (redis) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `bull-${namespace}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
  }
  const nc = await natsConnect({ servers: NATS_URL }).catch(() => null);
  if (nc) {
    const jsm = await jetstreamManager(nc);
    for (const stream of [`EVENTS_${namespace.toUpperCase()}`, `DLQ_${namespace.toUpperCase()}`]) await jsm.streams.delete(stream).catch(() => undefined);
    await nc.close();
  }
  const admin = new Client({ connectionString: new URL('/postgres', DATABASE_URL).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
  await admin.end();
}

process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))[1]);

async function namespaceBytes() {
  let cursor = '0';
  let bytes = 0;
  let keys = 0;
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `bull-${namespace}:*`, 'COUNT', 2000);
    if (found.length) {
      const pipeline = redis.pipeline();
      for (const key of found) pipeline.memory('USAGE', key, 'SAMPLES', '0');
      for (const [, size] of await pipeline.exec()) bytes += Number(size ?? 0);
      keys += found.length;
    }
    cursor = next;
  } while (cursor !== '0');
  return { bytes, keys };
}

/** Inserts the rows and adds their alarms, `BATCH` at a time. */
async function load(deadlines) {
  for (let i = 0; i < deadlines.length; i += BATCH) {
    const batch = deadlines.slice(i, i + BATCH);
    const values = [];
    const params = [];
    batch.forEach((d, j) => {
      const p = j * 6;
      values.push(
        `($${p + 1}::uuid, $${p + 2}::uuid, $${p + 3}::uuid, $${p + 4}::uuid, 'bench-rule', 'Bench rule', 'The benchmark.', $${p + 5}::timestamptz, $${p + 6}::timestamptz, 'pending', 'provider')`,
      );
      params.push(d.id, d.organisationId, d.contractId, d.caseId, d.startedAt, d.dueAt);
    });
    await sql.query(
      `INSERT INTO scheduling.deadline (id, organisation_id, contract_id, case_id, rule, label, basis, started_at, due_at, status, kind) VALUES ${values.join(', ')}`,
      params,
    );
    const now = Date.now();
    await queue.addBulk(
      batch.map((d) => ({
        name: 'fire-deadline',
        data: { deadlineId: d.id, organisationId: d.organisationId, revision: 1 },
        opts: { ...JOB_OPTIONS, jobId: `deadline-${d.id}-r1`, delay: Math.max(0, d.dueAt.getTime() - now) },
      })),
    );
  }
}

function deadline(dueAt) {
  return { id: randomUUID(), organisationId: ORG, contractId: CONTRACT, caseId: randomUUID(), startedAt: new Date(), dueAt };
}
const ORG = randomUUID();
const CONTRACT = randomUUID();

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

async function main() {
  if (!existsSync(path.join(ROOT, 'dist/apps/scheduling/src/main.js'))) throw new Error('no build: run `node tools/build/build.mjs` first');
  log(`database ${database}, namespace ${namespace}`);
  await migrate(dbUrl, { log: () => undefined });
  sql = new Client({ connectionString: dbUrl });
  await sql.connect();
  redis = new IORedis(REDIS_URL);
  queueConnection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
  queue = new Queue('deadlines', { connection: queueConnection, prefix: `bull-${namespace}` });

  const before = await usedMemory();
  const far = COUNT - SAMPLE;
  const started = Date.now();
  // The bulk: due over the next 30 days, as a real book of open cases would be.
  await load(Array.from({ length: far }, () => deadline(new Date(Date.now() + 5 * 60_000 + Math.floor(Math.random() * 30 * 24 * 3600_000)))));
  const loadedIn = (Date.now() - started) / 1000;
  log(`loaded ${far} pending deadlines (rows + delayed jobs) in ${loadedIn.toFixed(1)} s (${Math.round(far / loadedIn)}/s)`);

  const ports = { basePort: Number(flags.port) - SERVICES.findIndex((s) => s.name === 'scheduling') };
  service = startService(
    { name: 'scheduling' },
    { DATABASE_URL: applicationLoginUrl(dbUrl), REDIS_URL, NATS_URL, NATS_NAMESPACE: namespace, NODE_ENV: 'test', LOG_LEVEL: 'warn' },
    { output: 'file', ...ports },
  );
  await waitReady(service, 90_000);
  log(`scheduling started on :${service.port}`);

  // The sample: due 10 to 60 seconds from now.
  const sample = Array.from({ length: SAMPLE }, (_, i) => deadline(new Date(Date.now() + 10_000 + Math.floor((i / SAMPLE) * 50_000))));
  await load(sample);
  const after = await usedMemory();
  const ours = await namespaceBytes();
  log(
    `redis used_memory: before ${(before / 1048576).toFixed(1)} MiB, after ${(after / 1048576).toFixed(1)} MiB, delta ${((after - before) / 1048576).toFixed(1)} MiB (${Math.round((after - before) / COUNT)} B per deadline; INFO is server-wide, so other Redis users add noise)`,
  );
  log(`redis keys of the namespace: ${ours.keys}, MEMORY USAGE ${(ours.bytes / 1048576).toFixed(1)} MiB (${Math.round(ours.bytes / COUNT)} B per deadline)`);

  const ids = sample.map((d) => d.id);
  const waitUntil = Date.now() + 150_000;
  let fired = [];
  while (Date.now() < waitUntil) {
    fired = (
      await sql.query(
        `SELECT EXTRACT(EPOCH FROM (fired_at - due_at)) * 1000 AS late_ms FROM scheduling.deadline WHERE id = ANY($1::uuid[]) AND status = 'breached'`,
        [ids],
      )
    ).rows;
    if (fired.length === SAMPLE) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  const lateness = fired.map((r) => Number(r.late_ms)).sort((a, b) => a - b);
  if (lateness.length === 0) throw new Error('no sample deadline fired');
  log(`sample fired: ${lateness.length}/${SAMPLE} within the wait`);
  log(
    `firing lateness (fired_at - due_at): p50 ${percentile(lateness, 50).toFixed(0)} ms, p99 ${percentile(lateness, 99).toFixed(0)} ms, max ${lateness[lateness.length - 1].toFixed(0)} ms, min ${lateness[0].toFixed(0)} ms`,
  );
  const [{ waiting }] = (await sql.query(`SELECT count(*)::int AS waiting FROM scheduling.deadline WHERE status = 'pending'`)).rows;
  log(`still pending (not yet due): ${waiting}`);
}

main()
  .then(() => cleanup())
  .then(() => process.exit(0))
  .catch(async (error) => {
    process.stderr.write(`bench:deadlines failed: ${error.stack ?? error}\n`);
    if (service) process.stderr.write(`${service.logs.slice(-20).join('\n')}\n`);
    await cleanup();
    process.exit(1);
  });
