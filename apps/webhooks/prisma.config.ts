import { defineConfig } from 'prisma/config';

// The schema engine cannot be downloaded here; migrations are applied by tools/db/migrate.cjs. Where
// it runs, it migrates as the owner (MIGRATION_DATABASE_URL) like the migrator, never as the services' login.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.MIGRATION_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/mediation' },
});
