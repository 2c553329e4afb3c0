#!/usr/bin/env node
// `npm run bench:reporting`: what the KPI engine costs on a big contract, and how fast the read model rebuilds.
//
//   1. a fresh database (mediation_bench_<random>) and NATS namespace of its own;
//   2. KPIs: --cases (100,000) housing cases of one contract loaded straight into reporting's fact tables
//      (opened over a year, each with a first-visit deadline, most closed, some reopened, some with
//      multi-agency involvement); then the month's four housing KPIs as the service computes them (the
//      read model's reader + the KPI engine, from the build) side by side with the same four figures
//      from one raw SQL aggregate, and the monthly pack's figures (12 months of KPIs and volumes);
//   3. rebuild: --events (1,000,000) events published to the namespace's stream (case opened, deadline set
//      and met, case closed, in turn), then rebuildReadModel() replays them into fresh tables and swaps them in;
//   4. everything is removed afterwards, on success, failure or Ctrl-C.
//
//   npm run bench:reporting -- [--cases 100000] [--events 1000000] [--runs 3] [--keep] [--check]
//
// --check (what npm test's short run uses): ends with `check passed` or `check FAILED` and exits 1 on failure:
// the two ways gave the same figures, and the rebuild turned every event into its fact.
// Needs a build (`npm run build`) and PostgreSQL and NATS (MIGRATION_DATABASE_URL, NATS_URL, else the local
// ports). It prints figures; it is not a test and asserts nothing but that both ways give the same figures.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { migrate } = require('../db/migrate.cjs');
const { applicationLoginUrl, migrationDatabaseUrl } = require('../db/database-urls.cjs');
const { Client } = require('pg');
const { connect: natsConnect } = require('@nats-io/transport-node');
const { jetstream, jetstreamManager } = require('@nats-io/jetstream');

const { values: flags } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    events: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
  strict: true,
});
const CASES = Number(flags.cases);
const EVENTS = Number(flags.events);
const RUNS = Number(flags.runs);
const OWNER_URL = migrationDatabaseUrl();
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const log = (line) => process.stdout.write(`${line}\n`);
const suffix = randomBytes(4).toString('hex');
const database = `mediation_bench_${suffix}`;
const namespace = `br${suffix}`;
const dbUrl = (() => {
  const url = new URL(OWNER_URL);
  url.pathname = `/${database}`;
  return url.toString();
})();
const ORG = randomUUID();
const CONTRACT = randomUUID();

let sql;
let cleaned = false;
/** What --check found wrong. */
const problems = [];
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  await sql?.end().catch(() => undefined);
  if (flags.keep) return log(`kept database ${database} and namespace ${namespace}`);
  const nc = await natsConnect({ servers: NATS_URL }).catch(() => null);
  if (nc) {
    const jsm = await jetstreamManager(nc);
    for (const stream of [`EVENTS_${namespace.toUpperCase()}`, `DLQ_${namespace.toUpperCase()}`]) await jsm.streams.delete(stream).catch(() => undefined);
    await nc.close();
  }
  const admin = new Client({ connectionString: new URL('/postgres', OWNER_URL).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
  await admin.end();
}
process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

const basis = { kind: 'contractual', text: 'seed 001 §10.5', source: { document: 'seeds/001', section: '§10.5' } };
const kpi = (key, measure, comparator, value) => ({ key, label: key, measure, target: { comparator, value, unit: 'percent' }, period: 'monthly', basis });
const DEFINITION = {
  reference: 'BENCH',
  title: 'Housing mediation services (benchmark)',
  buyers: [{ name: 'The Council', role: 'council' }],
  serviceLines: [
    {
      key: 'noise',
      name: 'Noise',
      form: { fields: [] },
      outcomes: [
        { key: 'good-neighbour-agreement', label: 'Agreement', expected: true },
        { key: 'closed-other', label: 'Other', expected: false },
      ],
      deadlineRules: [
        { key: 'first-visit', label: 'Visit', startEvent: 'referral.received', stopEvent: 'visit.held', due: { kind: 'calendar-days', days: 14 }, basis },
      ],
      kpis: [
        kpi('visit-within-2-weeks', { kind: 'deadline-met-rate', deadlineRule: 'first-visit' }, 'gte', 100),
        kpi('expected-outcome', { kind: 'expected-outcome-rate' }, 'gte', 90),
        kpi('multi-agency-at-3-months', { kind: 'case-flag-rate', flag: 'multi-agency-involvement', atMonthsAfterOpening: 3 }, 'lt', 10),
        kpi('reopened-within-12-months', { kind: 'reopened-rate', withinMonths: 12 }, 'lte', 5),
      ],
      closureDays: [],
      londonLivingWage: { required: true },
      dataRetentionMonths: 72,
    },
  ],
};

/** The cases, generated in SQL: opened over 2026, visit due 14 days later (two in three met), closed ~30 days later (nine in ten expected). */
async function loadCases() {
  await sql.query('BEGIN');
  await sql.query(`SELECT set_config('app.organisation_id', $1, true)`, [ORG]);
  await sql.query(
    `INSERT INTO reporting.contract_version (contract_id, version, organisation_id, status, template, definition) VALUES ($1, 1, $2, 'active', 'housing-asb', $3::jsonb)`,
    [CONTRACT, ORG, JSON.stringify(DEFINITION)],
  );
  const gen = `FROM generate_series(1, ${CASES}) AS i, LATERAL (SELECT ('2026-01-01T09:00:00Z'::timestamptz + (i % 365) * interval '1 day' + (i % 480) * interval '1 minute') AS opened_at,
                  ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid AS case_id) c`;
  await sql.query(
    `INSERT INTO reporting.kpi_case (case_id, organisation_id, contract_id, contract_version, service_line, reference, received_at, opened_at)
     SELECT case_id, $1, $2, 1, 'noise', 'BENCH-' || i, opened_at, opened_at ${gen}`,
    [ORG, CONTRACT],
  );
  await sql.query(
    `INSERT INTO reporting.kpi_deadline (deadline_id, organisation_id, case_id, rule, due_at, due_sequence, met_at, met_late, breached_at)
     SELECT ('10000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, $1, case_id, 'first-visit', opened_at + interval '14 days', 1,
            CASE WHEN i % 3 <> 0 THEN opened_at + interval '7 days' END, CASE WHEN i % 3 <> 0 THEN false END, CASE WHEN i % 3 = 0 THEN opened_at + interval '14 days' END ${gen}`,
    [ORG],
  );
  await sql.query(
    `INSERT INTO reporting.kpi_closure (case_id, closed_at, organisation_id, outcome, outcome_expected)
     SELECT case_id, opened_at + interval '30 days', $1, CASE WHEN i % 10 = 0 THEN 'closed-other' ELSE 'good-neighbour-agreement' END, i % 10 <> 0 ${gen} WHERE i % 7 <> 0`,
    [ORG],
  );
  await sql.query(
    `INSERT INTO reporting.kpi_reopening (case_id, reopened_at, organisation_id, previously_closed_at)
     SELECT case_id, opened_at + interval '60 days', $1, opened_at + interval '30 days' ${gen} WHERE i % 7 <> 0 AND i % 25 = 0`,
    [ORG],
  );
  await sql.query(
    `INSERT INTO reporting.kpi_multi_agency (involvement_id, organisation_id, case_id, from_day, to_day)
     SELECT ('20000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, $1, case_id, (opened_at + interval '20 days')::date, CASE WHEN i % 24 = 0 THEN (opened_at + interval '80 days')::date END ${gen} WHERE i % 12 = 0`,
    [ORG],
  );
  await sql.query('COMMIT');
  await sql.query('ANALYZE');
}

/** The same four figures for November 2026, from one SQL statement over the same tables. */
const RAW = `
WITH c AS (SELECT * FROM reporting.kpi_case WHERE organisation_id = $1 AND contract_id = $2),
     m AS (SELECT DATE '2026-11-01' AS f, DATE '2026-11-30' AS t)
SELECT
  (SELECT count(*) FILTER (WHERE (d.met_at IS NOT NULL AND NOT d.met_late) OR d.corrected_to = 'met') FROM reporting.kpi_deadline d JOIN c USING (case_id), m
     WHERE d.rule = 'first-visit' AND (d.due_at AT TIME ZONE 'Europe/London')::date BETWEEN m.f AND m.t AND (d.met_at IS NOT NULL OR d.breached_at IS NOT NULL) AND coalesce(d.corrected_to, '') <> 'cancelled')::int AS visits_met,
  (SELECT count(*) FROM reporting.kpi_deadline d JOIN c USING (case_id), m
     WHERE d.rule = 'first-visit' AND (d.due_at AT TIME ZONE 'Europe/London')::date BETWEEN m.f AND m.t AND (d.met_at IS NOT NULL OR d.breached_at IS NOT NULL) AND coalesce(d.corrected_to, '') <> 'cancelled')::int AS visits,
  (SELECT count(*) FILTER (WHERE x.outcome_expected) FROM reporting.kpi_closure x JOIN c USING (case_id), m WHERE (x.closed_at AT TIME ZONE 'Europe/London')::date BETWEEN m.f AND m.t)::int AS expected,
  (SELECT count(*) FROM reporting.kpi_closure x JOIN c USING (case_id), m WHERE (x.closed_at AT TIME ZONE 'Europe/London')::date BETWEEN m.f AND m.t)::int AS closed,
  (SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM reporting.kpi_multi_agency a WHERE a.case_id = c.case_id AND a.from_day <= p.at AND (a.to_day IS NULL OR a.to_day >= p.at)))
     FROM c, m, LATERAL (SELECT ((c.opened_at AT TIME ZONE 'Europe/London')::date + interval '3 months')::date AS at) p WHERE p.at BETWEEN m.f AND m.t)::int AS flagged,
  (SELECT count(*) FROM c, m, LATERAL (SELECT ((c.opened_at AT TIME ZONE 'Europe/London')::date + interval '3 months')::date AS at) p WHERE p.at BETWEEN m.f AND m.t)::int AS at_three_months,
  (SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM reporting.kpi_reopening r WHERE r.case_id = x.case_id AND r.previously_closed_at = x.closed_at
       AND r.reopened_at <= ((x.closed_at AT TIME ZONE 'Europe/London') + interval '12 months') AT TIME ZONE 'Europe/London'))
     FROM reporting.kpi_closure x JOIN c USING (case_id), m WHERE (x.closed_at AT TIME ZONE 'Europe/London')::date BETWEEN m.f AND m.t)::int AS reopened`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timed(fn) {
  const times = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    result = await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { result, ms: median(times) };
}

async function kpiBench() {
  const { ReportingDatabase } = require(path.join(ROOT, 'dist/apps/reporting/src/database/reporting.database.js'));
  const { KpiFactsReader } = require(path.join(ROOT, 'dist/apps/reporting/src/kpis/kpi-facts.reader.js'));
  const { computeKpis, monthsAfterOpening } = require(path.join(ROOT, 'dist/apps/reporting/src/kpis/kpi-engine.js'));
  const { periodDays } = require(path.join(ROOT, 'dist/apps/reporting/src/kpis/kpi-period.js'));
  const { packFigures } = require(path.join(ROOT, 'dist/apps/reporting/src/packs/pack-figures.js'));
  const { ContractDefinitionSchema } = require(path.join(ROOT, 'dist/libs/protocol/src/index.js'));
  const db = new ReportingDatabase(applicationLoginUrl(dbUrl));
  const reader = new KpiFactsReader();
  const versions = new Map([[1, ContractDefinitionSchema.parse(DEFINITION)]]);
  try {
    // As GetKpisUseCase reads them: the versions the cases run under, then the cases with a fact in the month.
    const range = periodDays('2026-11');
    const service = await timed(async () => {
      const cases = await db.forTenant(ORG, async (tx) => {
        await reader.versionsOf(tx, ORG, CONTRACT);
        return reader.casesOf(tx, ORG, CONTRACT, { range, monthsAfterOpening: monthsAfterOpening(versions.values()) });
      });
      return computeKpis({ cases, versions, latestVersion: 1, range, today: '2026-12-06' }).kpis;
    });
    const raw = await timed(async () => {
      await sql.query('BEGIN');
      await sql.query(`SELECT set_config('app.organisation_id', $1, true)`, [ORG]);
      const { rows } = await sql.query(RAW, [ORG, CONTRACT]);
      await sql.query('COMMIT');
      return rows[0];
    });
    const pack = await timed(async () => {
      const cases = await db.forTenant(ORG, (tx) => reader.casesOf(tx, ORG, CONTRACT));
      return packFigures({ contractId: CONTRACT, period: '2026-11', cases, versions, latestVersion: 1, today: '2026-12-06' });
    });
    const byKey = Object.fromEntries(service.result.map((k) => [k.key, [k.numerator, k.denominator]]));
    const r = raw.result;
    const same =
      JSON.stringify(byKey) ===
      JSON.stringify({
        'visit-within-2-weeks': [r.visits_met, r.visits],
        'expected-outcome': [r.expected, r.closed],
        'multi-agency-at-3-months': [r.flagged, r.at_three_months],
        'reopened-within-12-months': [r.reopened, r.closed],
      });
    log(`\nKPIs of one contract with ${CASES.toLocaleString('en-GB')} cases, November 2026 (median of ${RUNS}):`);
    for (const [key, [n, d]] of Object.entries(byKey)) log(`  ${key.padEnd(28)} ${n} of ${d}`);
    log(`  the service (read model + KPI engine)   ${service.ms.toFixed(0)} ms`);
    log(`  one raw SQL aggregate                   ${raw.ms.toFixed(0)} ms`);
    log(`  ratio                                   ${(service.ms / raw.ms).toFixed(1)}x (target: within 3x)`);
    log(`  the monthly pack's figures (12 months)  ${pack.ms.toFixed(0)} ms`);
    log(`  same figures both ways                  ${same ? 'yes' : `NO: raw ${JSON.stringify(r)}`}`);
    if (!same) problems.push('the service and the raw SQL aggregate disagree');
    if (!(r.closed > 0 && r.visits > 0)) problems.push('the month measured nothing');
  } finally {
    await db.$disconnect();
  }
}

async function rebuildBench() {
  const { rebuildReadModel } = require(path.join(ROOT, 'dist/apps/reporting/src/rebuild/read-model-rebuild.js'));
  const nc = await natsConnect({ servers: NATS_URL });
  const jsm = await jetstreamManager(nc);
  const stream = `EVENTS_${namespace.toUpperCase()}`;
  await jsm.streams.add({ name: stream, subjects: [`${namespace}.events.>`], duplicate_window: 2 * 60 * 60 * 1e9 });
  const js = jetstream(nc);
  const types = ['casework.case.opened.v2', 'scheduling.deadline.set.v1', 'scheduling.deadline.met.v1', 'casework.case.closed.v1'];
  const started = Date.now();
  let inFlight = [];
  for (let i = 0; i < EVENTS; i++) {
    const n = Math.floor(i / 4);
    const type = types[i % 4];
    const caseId = `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
    const deadline = {
      deadlineId: `10000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`,
      caseId,
      rule: 'first-visit',
      dueAt: '2026-11-15T23:59:59.000Z',
    };
    const data = [
      {
        caseId,
        referralId: caseId,
        reference: `R-${n}`,
        contractId: CONTRACT,
        serviceLine: 'noise',
        openedAt: '2026-11-01T10:00:00.000Z',
        contractVersion: 1,
        receivedAt: '2026-11-01T10:00:00.000Z',
        clockStartsAt: '2026-11-01T10:00:00.000Z',
        dates: {},
      },
      { ...deadline, basis: 'x', startedAt: '2026-11-01T10:00:00.000Z', kind: 'provider' },
      { ...deadline, metAt: '2026-11-10T10:00:00.000Z', late: false },
      {
        caseId,
        contractId: CONTRACT,
        serviceLine: 'noise',
        reference: `R-${n}`,
        outcome: 'good-neighbour-agreement',
        outcomeExpected: true,
        closedAt: '2026-11-20T10:00:00.000Z',
        timesReopened: 0,
      },
    ][i % 4];
    const id = randomUUID();
    const envelope = {
      specversion: '1.0',
      id,
      source: '/bench',
      type,
      subject: caseId,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data,
      organisationid: ORG,
      contractid: CONTRACT,
      sequence: (i % 4) + 1,
      correlationid: 'bench',
    };
    inFlight.push(js.publish(`${namespace}.events.${ORG}.${type}`, JSON.stringify(envelope), { msgID: id }));
    if (inFlight.length >= 256) {
      await Promise.all(inFlight);
      inFlight = [];
    }
  }
  await Promise.all(inFlight);
  log(`\npublished ${EVENTS.toLocaleString('en-GB')} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await nc.close();
  let lastShown = 0;
  const result = await rebuildReadModel({
    databaseUrl: applicationLoginUrl(dbUrl),
    ownerUrl: dbUrl,
    natsUrl: NATS_URL,
    namespace,
    progress: (done, total) => {
      if (Date.now() - lastShown < 2000) return;
      lastShown = Date.now();
      log(`  ${done.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')}`);
    },
  });
  // Every event became its fact: a quarter of the events opened cases, a quarter met deadlines, a quarter closed cases.
  await sql.query('BEGIN');
  await sql.query(`SELECT set_config('app.organisation_id', $1, true)`, [ORG]);
  const { rows } = await sql.query(
    `SELECT (SELECT count(*) FROM reporting.kpi_case)::int AS cases, (SELECT count(*) FROM reporting.kpi_deadline WHERE met_at IS NOT NULL AND due_at IS NOT NULL)::int AS met,
            (SELECT count(*) FROM reporting.kpi_closure)::int AS closed`,
  );
  await sql.query('COMMIT');
  const quarter = Math.ceil(EVENTS / 4);
  const whole =
    result.events === EVENTS && rows[0].cases === quarter && rows[0].met === Math.floor((EVENTS + 1) / 4) && rows[0].closed === Math.floor(EVENTS / 4);
  log(
    `  facts after the rebuild: ${rows[0].cases} cases, ${rows[0].met} deadlines met, ${rows[0].closed} closures ${whole ? '(every event)' : '(NOT every event)'}`,
  );
  if (!whole) problems.push(`the rebuild applied ${result.events} of ${EVENTS} events: ${JSON.stringify(rows[0])}`);
  log(
    `rebuild: ${result.events.toLocaleString('en-GB')} events in ${result.seconds.toFixed(1)} s = ${result.eventsPerSecond.toLocaleString('en-GB')} events/s (target: >= 20,000)`,
  );
}

async function main() {
  if (!existsSync(path.join(ROOT, 'dist/apps/reporting/src/kpis/kpi-engine.js'))) throw new Error('no build: run `npm run build` first');
  log(`database ${database}, namespace ${namespace}`);
  await migrate(dbUrl, { log: () => undefined });
  sql = new Client({ connectionString: dbUrl });
  await sql.connect();
  if (CASES > 0) {
    const t = Date.now();
    await loadCases();
    log(`loaded ${CASES.toLocaleString('en-GB')} cases with their facts in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    await kpiBench();
  }
  if (EVENTS > 0) {
    await sql.query(`TRUNCATE ${['kpi_case', 'kpi_closure', 'kpi_reopening', 'kpi_deadline', 'kpi_multi_agency'].map((t) => `reporting.${t}`).join(', ')}`);
    await rebuildBench();
  }
  if (flags.check) {
    log(problems.length === 0 ? 'check              passed' : `check              FAILED: ${problems.join('; ')}`);
    if (problems.length) process.exitCode = 1;
  }
}

main()
  .catch((error) => {
    process.exitCode = 1;
    console.error(error);
  })
  .finally(() => cleanup());
