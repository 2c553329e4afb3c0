import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';

const ROOT = path.resolve(__dirname, '../../..');
/* eslint-disable @typescript-eslint/no-require-imports */
const { migrate } = require(path.join(ROOT, 'tools/db/migrate.cjs')) as { migrate(url: string, options?: { log?: (line: string) => void }): Promise<number> };
const urls = require(path.join(ROOT, 'tools/db/database-urls.cjs')) as { migrationDatabaseUrl(): string; applicationLoginUrl(ownerUrl: string): string };
/* eslint-enable @typescript-eslint/no-require-imports */

export interface TestDatabase {
  /** What the services connect with: the application login, bound by row-level security. */
  url: string;
  /** The owner the migrations ran as, for assertions that must see every tenant's rows. */
  ownerUrl: string;
  name: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

/** A fresh, fully migrated database of its own, so a test run never meets another's data. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const base = urls.migrationDatabaseUrl();
  const name = `mediation_${prefix}_${randomBytes(4).toString('hex')}`;
  const ownerUrl = withDatabase(base, name);
  await migrate(ownerUrl, { log: () => undefined });
  return {
    url: urls.applicationLoginUrl(ownerUrl),
    ownerUrl,
    name,
    drop: () => onServer(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** An empty database of the test's own (no migrations), e.g. the target of a restore; dropped like the others. */
export async function createEmptyDatabase(prefix = 'empty'): Promise<TestDatabase> {
  const base = urls.migrationDatabaseUrl();
  const name = `mediation_${prefix}_${randomBytes(4).toString('hex')}`;
  await onServer(base, `CREATE DATABASE "${name}"`);
  const ownerUrl = withDatabase(base, name);
  return {
    url: urls.applicationLoginUrl(ownerUrl),
    ownerUrl,
    name,
    drop: () => onServer(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** One statement on the server's `postgres` database (creating or dropping a database). */
async function onServer(base: string, statement: string): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(base, 'postgres') });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
