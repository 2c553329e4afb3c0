#!/usr/bin/env node
// Applies every service's committed Prisma migrations (apps/<service>/prisma/migrations/*/migration.sql)
// to its own PostgreSQL schema, offline. Prisma's CLI needs a schema engine it downloads, which these
// machines cannot; this runner keeps Prisma's own `_prisma_migrations` table per schema, with the same
// checksums, so `prisma migrate deploy` can take over wherever the engine is available.
const { createHash, randomUUID } = require('node:crypto');
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');
const { APP_ROLE, migrationDatabaseUrl } = require('./database-urls.cjs');

const ROOT = path.resolve(__dirname, '../..');

/** Every service with migrations, and the schema its Prisma schema declares. */
function services() {
  const apps = path.join(ROOT, 'apps');
  return readdirSync(apps)
    .filter((app) => existsSync(path.join(apps, app, 'prisma', 'schema.prisma')))
    .map((app) => {
      const prisma = readFileSync(path.join(apps, app, 'prisma', 'schema.prisma'), 'utf8');
      const match = /schemas\s*=\s*\["([a-z_]+)"\]/.exec(prisma);
      if (!match) throw new Error(`apps/${app}/prisma/schema.prisma must declare exactly one schema in its datasource`);
      const dir = path.join(apps, app, 'prisma', 'migrations');
      const migrations = existsSync(dir)
        ? readdirSync(dir)
            .filter((name) => existsSync(path.join(dir, name, 'migration.sql')))
            .sort()
            .map((name) => ({ name, sql: readFileSync(path.join(dir, name, 'migration.sql'), 'utf8') }))
        : [];
      return { app, schema: match[1], migrations };
    });
}

async function ensureDatabase(url) {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } catch (error) {
    if (!String(error.message).includes('already exists')) throw error;
  } finally {
    await client.end();
  }
}

async function migrateSchema(client, { app, schema, migrations }, log) {
  await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await client.query(`CREATE TABLE IF NOT EXISTS "${schema}"."_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
  const { rows } = await client.query(
    `SELECT migration_name, checksum FROM "${schema}"."_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
  let count = 0;
  for (const migration of migrations) {
    const checksum = createHash('sha256').update(migration.sql).digest('hex');
    if (applied.has(migration.name)) {
      if (applied.get(migration.name) !== checksum) {
        throw new Error(`apps/${app}/prisma/migrations/${migration.name} was edited after it was applied; add a new migration instead`);
      }
      continue;
    }
    await client.query('BEGIN');
    try {
      await client.query(`SET LOCAL search_path TO "${schema}"`);
      await client.query(migration.sql);
      await client.query(
        `INSERT INTO "${schema}"."_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), checksum, migration.name],
      );
      await client.query('COMMIT');
      count += 1;
      log(`  ${schema}: applied ${migration.name}`);
    } catch (error) {
      await client.query('ROLLBACK');
      throw new Error(`apps/${app}/prisma/migrations/${migration.name} failed: ${error.message}`);
    }
  }
  return count;
}

/**
 * The role the services log in as (see libs/platform tenant-transaction.ts). Roles belong to the
 * cluster, not to a schema, so the migrator makes it before any migration grants to it. It can log
 * in but is nothing more: no superuser, no BYPASSRLS, no role or database creation, a member of no
 * other role. It gets no password here: in production set one (`ALTER ROLE mediation_app PASSWORD …`)
 * or grant it to a login of your own that is nothing else.
 */
async function ensureApplicationRole(client) {
  const attributes = 'LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION';
  // Roles are cluster-wide while the migration lock is per database: migrators of two databases may
  // meet here, so a concurrent create or update is retried rather than failing the migration.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await client.query(`DO $$ BEGIN
        CREATE ROLE ${APP_ROLE} ${attributes};
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}' AND NOT (rolcanlogin AND NOT rolsuper AND NOT rolbypassrls AND NOT rolcreatedb AND NOT rolcreaterole AND NOT rolreplication)) THEN
          ALTER ROLE ${APP_ROLE} ${attributes};
        END IF;
      END $$`);
      return;
    } catch (error) {
      if (attempt >= 5 || !/concurrently|duplicate key/.test(String(error.message))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

/** Creates the database if needed and brings every service schema up to date; safe to run concurrently. */
async function migrate(url = migrationDatabaseUrl(), { log = console.log } = {}) {
  await ensureDatabase(url);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // Two migrators (two replicas starting, two terminals) take turns instead of racing.
    await client.query(`SELECT pg_advisory_lock(hashtext('mediation-migrations'))`);
    await ensureApplicationRole(client);
    let total = 0;
    for (const service of services()) total += await migrateSchema(client, service, log);
    log(`migrations: ${total === 0 ? 'every schema is up to date' : `${total} applied`}`);
    return total;
  } finally {
    await client.end();
  }
}

module.exports = { migrate, services };

if (require.main === module) {
  migrate().catch((error) => {
    console.error(`\nmigration failed: ${error.message}\n`);
    process.exit(1);
  });
}
