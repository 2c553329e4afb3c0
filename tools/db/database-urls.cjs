// Two logins to one database: migrations run as the schema owner (MIGRATION_DATABASE_URL), the
// services as a login that is only the application role (DATABASE_URL), so row-level security
// binds them and they cannot alter the schema or switch to a more powerful role.
const APP_ROLE = 'mediation_app';
const DEFAULT_MIGRATION_URL = 'postgresql://postgres@127.0.0.1:5432/mediation';

/** The owner's URL: what migrations, test databases and the benchmarks create schemas with. */
function migrationDatabaseUrl(env = process.env) {
  return env.MIGRATION_DATABASE_URL || DEFAULT_MIGRATION_URL;
}

/** The same server and database as the application role, with no password (trust or peer auth in development). */
function applicationLoginUrl(ownerUrl) {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = '';
  return url.toString();
}

/** What the services connect with: DATABASE_URL when set, else the migration URL's server as the application role. */
function serviceDatabaseUrl(env = process.env) {
  return env.DATABASE_URL || applicationLoginUrl(migrationDatabaseUrl(env));
}

module.exports = { APP_ROLE, DEFAULT_MIGRATION_URL, migrationDatabaseUrl, applicationLoginUrl, serviceDatabaseUrl };
