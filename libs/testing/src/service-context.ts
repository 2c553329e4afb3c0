import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Clock, LifecycleService } from '@mediation/platform';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from './test-database';
import { createTestNamespace, type TestNamespace } from './test-namespace';

/** One service's Nest application context on its own fresh database and NATS/Redis namespace. */
export interface ServiceContext {
  app: INestApplicationContext;
  db: TestDatabase;
  ns: TestNamespace;
  /** A plain connection to the test database as its owner (it sees every tenant), for asserting on rows and the outbox. */
  sql: Client;
  /** Shuts the service down in order, then drops the database and namespace. */
  close(): Promise<void>;
}

export interface ServiceContextOptions {
  /** Suffix of the test database's name. */
  database: string;
  /** Prefix of the NATS/Redis namespace. */
  namespace: string;
  /** Builds the app module; called after DATABASE_URL and NATS_NAMESPACE are set, so config loads them. */
  module: () => DynamicModule;
  /** Replaces the service's clock before start-up, so jobs and use-cases see the test's time. */
  clock?: Clock;
}

/** Boots a service the way its integration tests do: env pointing at a fresh database and namespace, logger off. */
export async function startServiceContext(options: ServiceContextOptions): Promise<ServiceContext> {
  const [db, ns] = [await createTestDatabase(options.database), createTestNamespace(options.namespace)];
  process.env.DATABASE_URL = db.url;
  process.env.NATS_NAMESPACE = ns.namespace;
  let app: INestApplicationContext | undefined;
  const sql = new Client({ connectionString: db.ownerUrl });
  try {
    app = await NestFactory.createApplicationContext(options.module(), { logger: false });
    const clock = options.clock;
    if (clock) app.get(Clock, { strict: false }).now = () => clock.now();
    await app.init();
    await sql.connect();
  } catch (error) {
    // A failed boot still gives back its database and namespace; afterAll has nothing to close.
    await app?.close().catch(() => undefined);
    await ns.cleanup();
    await db.drop();
    throw error;
  }
  return {
    app,
    db,
    ns,
    sql,
    async close() {
      await app
        .get(LifecycleService)
        .shutdown(10_000)
        .catch(() => undefined);
      await app.close().catch(() => undefined);
      await sql.end();
      await ns.cleanup();
      await db.drop();
    },
  };
}
