import { APP_ROLE, assertApplicationLogin, serviceAdapter, type SqlTx, type Transactions } from '@mediation/platform';
import { createTestDatabase, type TestDatabase } from '@mediation/testing';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

jest.setTimeout(60_000);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { services } = require('./migrate.cjs') as { services(): { app: string; schema: string }[] };
const ROOT = path.resolve(__dirname, '../..');

const TENANT = `(organisation_id = (NULLIF(current_setting('app.organisation_id'::text, true), ''::text))::uuid)`;

/**
 * The only policies besides each table's tenant policy, and why each is safe. Each lets a row be read
 * (never written) before a tenant is known: by whoever presents the credential it holds, or because
 * the table is a list of organisation ids and nothing else.
 */
const LOOKUPS: Record<string, string> = {
  'identity.api_key.api_key_presented': 'authentication finds a key only when shown its id and the HMAC of its secret',
  'identity.oidc_provider.oidc_provider_by_issuer': 'a token names its issuer; its signature is then checked with that provider’s keys',
  'casework.survey_token.survey_token_presented': 'the public survey route finds an invitation only by the hash of its token',
  'billing.tenant.tenant_directory': 'organisation ids only, for jobs that run one tenant at a time',
  'casework.tenant.tenant_directory': 'organisation ids only, for jobs that run one tenant at a time',
  'intake.tenant.tenant_directory': 'organisation ids only, for jobs that run one tenant at a time',
  'notify.tenant.tenant_directory': 'organisation ids only, for jobs that run one tenant at a time',
  'reporting.tenant.tenant_directory': 'organisation ids only, for jobs that run one tenant at a time',
  'scheduling.tenant.tenant_directory': 'organisation ids only, for jobs that run one tenant at a time',
  'webhooks.tenant.tenant_directory': 'organisation ids only, for jobs that run one tenant at a time',
};

interface TenantTable {
  table: string;
  rls: boolean;
  forced: boolean;
  columns: string[];
  policies: { name: string; command: string; permissive: boolean; using: string | null; check: string | null }[];
}

describe('the tenant wall, after every migration', () => {
  let db: TestDatabase;
  let owner: Client;
  let tables: TenantTable[];
  let superuser: string;

  beforeAll(async () => {
    db = await createTestDatabase('wall');
    owner = new Client({ connectionString: db.ownerUrl });
    await owner.connect();
    const { rows } = await owner.query<TenantTable>(`
      SELECT n.nspname || '.' || c.relname AS "table", c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
             (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
             COALESCE((SELECT json_agg(json_build_object('name', p.polname, 'command', p.polcmd, 'permissive', p.polpermissive,
                                                         'using', pg_get_expr(p.polqual, p.polrelid), 'check', pg_get_expr(p.polwithcheck, p.polrelid)) ORDER BY p.polname)
                         FROM pg_policy p WHERE p.polrelid = c.oid), '[]') AS policies
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p')
         AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organisation_id' AND NOT a.attisdropped)
       ORDER BY 1`);
    tables = rows;
    superuser = (await owner.query<{ name: string }>('SELECT current_user::text AS name')).rows[0].name;
  });

  afterAll(async () => {
    await owner?.end();
    await db?.drop();
  });

  it('finds the tenant tables of every service that has them', () => {
    const schemas = new Set(tables.map((t) => t.table.split('.')[0]));
    for (const schema of ['identity', 'intake', 'casework', 'scheduling', 'notify', 'reporting', 'webhooks']) expect(schemas).toContain(schema);
  });

  it('has row-level security enabled and FORCE’d on every table with an organisation_id column', () => {
    const open = tables.filter((t) => !t.rls || !t.forced).map((t) => `${t.table}${t.rls ? '' : ' (not enabled)'}${t.forced ? '' : ' (not forced)'}`);
    expect(open).toEqual([]);
  });

  it('gives every such table the tenant policy, for every command, reading and writing only the tenant set for the transaction', () => {
    const missing = tables
      .filter((t) => {
        const policy = t.policies.find((p) => p.name === `${t.table.split('.')[1]}_tenant_isolation`);
        return !policy || policy.command !== '*' || !policy.permissive || policy.using !== TENANT || policy.check !== TENANT;
      })
      .map((t) => t.table);
    expect(missing).toEqual([]);
  });

  it('allows no other policy but the listed read-only lookups', () => {
    const others = tables.flatMap((t) =>
      t.policies.filter((p) => p.name !== `${t.table.split('.')[1]}_tenant_isolation`).map((p) => ({ key: `${t.table}.${p.name}`, command: p.command })),
    );
    expect(others.filter((p) => !LOOKUPS[p.key]).map((p) => p.key)).toEqual([]);
    expect(others.filter((p) => p.command !== 'r').map((p) => p.key)).toEqual([]);
  });

  it('lets a tenant list that anyone may read hold nothing but organisation ids and when they were first seen', () => {
    const directories = tables.filter((t) => t.policies.some((p) => p.name === 'tenant_directory'));
    expect(directories.map((t) => t.table)).toEqual([
      'billing.tenant',
      'casework.tenant',
      'intake.tenant',
      'notify.tenant',
      'reporting.tenant',
      'scheduling.tenant',
      'webhooks.tenant',
    ]);
    for (const t of directories) expect(t.columns.filter((c) => c !== 'organisation_id' && !/^first_.*_at$/.test(c))).toEqual([]);
  });

  describe('the login every service connects with', () => {
    it.each(services().map((s) => [s.app, s.schema]))(
      '%s is only the application role: RESET ROLE keeps it, SET ROLE to the superuser is refused',
      async (app, schema) => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { PrismaClient } = require(path.join(ROOT, 'apps', app, 'src/generated/prisma/client'));
        const prisma = new PrismaClient({ adapter: serviceAdapter(db.url, 1) });
        try {
          await expect(assertApplicationLogin(prisma, schema)).resolves.toBeUndefined();
          await prisma.$executeRawUnsafe('RESET ROLE');
          expect(await prisma.$queryRawUnsafe(`SELECT current_user::text AS login, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`)).toEqual(
            [{ login: APP_ROLE, rolsuper: false, rolbypassrls: false }],
          );
          await expect(prisma.$executeRawUnsafe(`SET ROLE "${superuser}"`)).rejects.toThrow(/permission denied/);
          await expect(prisma.$executeRawUnsafe(`SET SESSION AUTHORIZATION "${superuser}"`)).rejects.toThrow(/permission denied/);
          await expect(prisma.$executeRawUnsafe(`ALTER TABLE "${schema}"._prisma_migrations DISABLE ROW LEVEL SECURITY`)).rejects.toThrow(/must be owner/);
        } finally {
          await prisma.$disconnect();
        }
      },
    );

    it.each(services().map((s) => [s.app]))(
      '%s’s database sets the tenant of forTenant for its whole transaction, from an id or from a request’s meta',
      async (app) => {
        const dir = path.join(ROOT, 'apps', app, 'src/database');
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const module = require(
          path.join(
            dir,
            readdirSync(dir).find((f) => f.endsWith('.database.ts'))!,
          ),
        ) as Record<string, unknown>;
        const Database = Object.values(module).find((v) => typeof v === 'function' && /Database$/.test(v.name)) as new (
          url: string,
        ) => Transactions & { $disconnect(): Promise<void> };
        const database = new Database(db.url);
        const tenantOf = (tx: SqlTx) =>
          tx.$queryRawUnsafe<{ tenant: string | null }[]>(`SELECT NULLIF(current_setting('app.organisation_id', true), '') AS tenant`);
        const organisationId = '0190a000-0000-7000-8000-0000000000aa';
        const meta = { organisationId, actorId: 'user:u', actorType: 'user', correlationId: 'wall' };
        try {
          expect(await database.forTenant(organisationId, async (tx) => [...(await tenantOf(tx)), ...(await tenantOf(tx))])).toEqual([
            { tenant: organisationId },
            { tenant: organisationId },
          ]);
          expect(await database.forTenant(meta, tenantOf)).toEqual([{ tenant: organisationId }]);
          expect(await database.run(tenantOf)).toEqual([{ tenant: null }]);
        } finally {
          await database.$disconnect();
        }
      },
    );

    it('a service given the owner’s login refuses to start, naming DATABASE_URL', async () => {
      const sql = { $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) => (await owner.query(query, values)).rows as T };
      await expect(assertApplicationLogin(sql, 'intake')).rejects.toThrow(`DATABASE_URL logs in as "${superuser}", which is, or can SET ROLE to, a superuser`);
    });
  });
});
