import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';

const ROOT = path.resolve(__dirname, '../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { migrate } = require(path.join(ROOT, 'tools/db/migrate.cjs')) as { migrate(url: string, options?: { log?: (line: string) => void }): Promise<number> };

export interface TestDatabase {
  url: string;
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
  const base = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/mediation';
  const name = `mediation_${prefix}_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(base, name);
  await migrate(url, { log: () => undefined });
  return {
    url,
    name,
    drop: async () => {
      const admin = new Client({ connectionString: withDatabase(base, 'postgres') });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}
