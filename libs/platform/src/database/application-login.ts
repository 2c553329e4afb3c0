import { APP_ROLE } from './tenant-transaction';

interface RawQueries {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** What PostgreSQL says about the login a service connected with. */
export interface LoginPowers {
  login: string;
  /** The login is the application role or a member of it. */
  application: boolean;
  /** It is, or may become (`SET ROLE`), a superuser or a role that bypasses row-level security. */
  privileged: boolean;
  /** It is, or may become, the owner of a table of the service's schema (owners may drop the policies). */
  owner: boolean;
}

export async function loginPowers(db: RawQueries, schema: string): Promise<LoginPowers> {
  const [row] = await db.$queryRawUnsafe<LoginPowers[]>(
    `SELECT current_user::text AS login,
            EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = $1 AND pg_has_role(current_user, r.oid, 'MEMBER')) AS application,
            EXISTS (SELECT 1 FROM pg_roles r WHERE (r.rolsuper OR r.rolbypassrls) AND pg_has_role(current_user, r.oid, 'MEMBER')) AS privileged,
            EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = $2 AND pg_has_role(current_user, c.relowner, 'MEMBER')) AS owner`,
    APP_ROLE,
    schema,
  );
  return row;
}

/**
 * Refuses to run a service on a login that could step over the tenant wall: row-level security binds
 * only a role that is not a superuser, does not bypass it and owns nothing, and a login that may
 * `SET ROLE` into such a role is as good as one. Migrations run as the owner, never the services.
 */
export async function assertApplicationLogin(db: RawQueries, schema: string): Promise<void> {
  const powers = await loginPowers(db, schema);
  const problem = !powers.application
    ? `is not ${APP_ROLE} nor a member of it`
    : powers.privileged
      ? 'is, or can SET ROLE to, a superuser or a role that bypasses row-level security'
      : powers.owner
        ? `owns, or can SET ROLE to the owner of, tables of schema "${schema}"`
        : undefined;
  if (problem) {
    throw new Error(
      `DATABASE_URL logs in as "${powers.login}", which ${problem}. Services must connect as a login that is only ${APP_ROLE} ` +
        `(e.g. postgresql://${APP_ROLE}@host/db); migrations use MIGRATION_DATABASE_URL, the owner.`,
    );
  }
}
