import {
  createEmptyDatabase,
  createTestNamespace,
  noiseReferral,
  PlatformUnderTest,
  waitUntil,
  type TestDatabase,
  type TestNamespace,
} from '@mediation/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '..');
const REFERRALS = 3;
/** The read model the KPIs are computed from, and the cases they count. */
const TABLES = ['casework."case"', 'scheduling.deadline', 'reporting.kpi_case', 'reporting.kpi_deadline'];

async function rows(url: string, table: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(`SELECT * FROM ${table} ORDER BY 1`)).rows;
  } finally {
    await client.end();
  }
}

describe('backing up and restoring: a PostgreSQL dump and the event stream into a fresh database and namespace', () => {
  let platform: PlatformUnderTest;
  let restored: TestDatabase;
  let namespace: TestNamespace;
  const dir = mkdtempSync(path.join(tmpdir(), 'backup-'));

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    restored = await createEmptyDatabase('restored');
    namespace = createTestNamespace('r');
  });

  afterAll(async () => {
    await platform?.shutdown();
    await restored?.drop();
    await namespace?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the restored database has the same cases, and the KPI read model rebuilt from the restored stream is the one that was backed up', async () => {
    for (let i = 0; i < REFERRALS; i++) expect((await platform.request('POST', '/v1/referrals', noiseReferral(platform.contractId))).status).toBe(201);
    await waitUntil(async () => (await platform.sql('SELECT 1 FROM reporting.kpi_deadline')).length >= REFERRALS * 2, {
      what: 'the cases, their deadlines and the KPI facts',
      timeoutMs: 60_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    // Back up: the database, then the stream (the README's runbook).
    const dump = path.join(dir, 'mediation.dump');
    const events = path.join(dir, 'events.jsonl');
    execFileSync('pg_dump', ['-Fc', '-f', dump, platform.db.ownerUrl]);
    const cli = (args: string[], env: Record<string, string>) =>
      execFileSync(process.execPath, ['tools/cli/mediation.mjs', ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(cli(['events', 'export', '--file', events], { DATABASE_URL: platform.db.url, NATS_NAMESPACE: platform.env.NATS_NAMESPACE })).toMatch(
      /^exported \d+ event\(s\)/,
    );

    // Restore into a fresh database and a fresh namespace.
    execFileSync('pg_restore', ['--exit-on-error', '-d', restored.ownerUrl, dump]);
    expect(cli(['events', 'restore', '--file', events], { DATABASE_URL: restored.url, NATS_NAMESPACE: namespace.namespace })).toMatch(
      /^restored \d+ event\(s\)/,
    );

    // The same cases and deadlines came back with the dump.
    for (const table of TABLES.slice(0, 2))
      expect({ table, rows: await rows(restored.ownerUrl, table) }).toEqual({ table, rows: await rows(platform.db.ownerUrl, table) });
    expect(await rows(restored.ownerUrl, 'casework."case"')).toHaveLength(REFERRALS);

    // The read model rebuilt from the restored stream alone (its dumped tables emptied first) equals the one backed up: the same KPIs.
    const owner = new Client({ connectionString: restored.ownerUrl });
    await owner.connect();
    await owner.query(`TRUNCATE ${TABLES.slice(2).join(', ')}`);
    await owner.end();
    execFileSync(process.execPath, ['tools/cli/mediation.mjs', 'reporting', 'rebuild'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: restored.url, MIGRATION_DATABASE_URL: restored.ownerUrl, NATS_NAMESPACE: namespace.namespace },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const table of TABLES.slice(2))
      expect({ table, rows: await rows(restored.ownerUrl, table) }).toEqual({ table, rows: await rows(platform.db.ownerUrl, table) });
  });
});
