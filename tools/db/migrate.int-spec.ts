import { createTestDatabase, type TestDatabase } from '@mediation/testing';
import { PrismaPg } from '@prisma/adapter-pg';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

jest.setTimeout(60_000);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { migrate, services } = require('./migrate.cjs') as {
  migrate(url: string, o?: object): Promise<number>;
  services(): { app: string; schema: string; migrations: unknown[] }[];
};
const ROOT = path.resolve(__dirname, '../..');

describe('committed migrations on a fresh database', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('migrate');
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('give every service its own schema with its own _prisma_migrations', async () => {
    const client = new Client({ connectionString: db.ownerUrl });
    await client.connect();
    try {
      for (const service of services()) {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM "${service.schema}"._prisma_migrations WHERE finished_at IS NOT NULL`);
        expect({ schema: service.schema, applied: rows[0].n }).toEqual({ schema: service.schema, applied: service.migrations.length });
      }
    } finally {
      await client.end();
    }
  });

  it('give every schema with an outbox the lease its relay leads by, writable by the services', async () => {
    const client = new Client({ connectionString: db.ownerUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ schema: string; lease: boolean }>(
        `SELECT table_schema AS schema, has_table_privilege('mediation_app', format('%I.outbox_relay_lease', table_schema), 'UPDATE') AS lease
           FROM information_schema.tables t WHERE table_name = 'outbox'
            AND EXISTS (SELECT 1 FROM information_schema.tables l WHERE l.table_schema = t.table_schema AND l.table_name = 'outbox_relay_lease')
         UNION ALL
         SELECT table_schema, false FROM information_schema.tables t WHERE table_name = 'outbox'
            AND NOT EXISTS (SELECT 1 FROM information_schema.tables l WHERE l.table_schema = t.table_schema AND l.table_name = 'outbox_relay_lease')
         ORDER BY 1`,
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => !r.lease)).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('apply nothing the second time', async () => {
    expect(await migrate(db.ownerUrl, { log: () => undefined })).toBe(0);
  });

  it('match every Prisma model: each client, logged in as the services are, can read every table and column it declares', async () => {
    const apps = readdirSync(path.join(ROOT, 'apps')).filter((app) => services().some((s) => s.app === app));
    for (const app of apps) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { PrismaClient } = require(path.join(ROOT, 'apps', app, 'src/generated/prisma/client'));
      const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
      try {
        const models = Object.keys(prisma).filter((key) => !key.startsWith('_') && !key.startsWith('$') && typeof prisma[key]?.findFirst === 'function');
        expect(models.length).toBeGreaterThan(0);
        // findFirst selects every scalar column: a missing table or column fails here.
        for (const model of models) await expect(prisma[model].findFirst()).resolves.toBeDefined();
      } finally {
        await prisma.$disconnect();
      }
    }
  });

  it('refuse a migration edited after it was applied', async () => {
    const client = new Client({ connectionString: db.ownerUrl });
    await client.connect();
    try {
      await client.query(`UPDATE intake._prisma_migrations SET checksum = 'edited'`);
      await expect(migrate(db.ownerUrl, { log: () => undefined })).rejects.toThrow(/was edited after it was applied/);
    } finally {
      await client.end();
    }
  });
});
