/**
 * Services connect as this role: it owns no table, so PostgreSQL's row-level security applies to it
 * (FORCE makes owners subject too), and it cannot change the schema. Migrations run as the owner.
 * In production the login user must be a member: `GRANT mediation_app TO <login user>`.
 */
export const APP_ROLE = 'mediation_app';

/** The setting row-level security policies compare `organisation_id` with. */
export const TENANT_SETTING = 'app.organisation_id';

/** Pool settings for a service's Prisma adapter: every connection runs as the application role. */
export function appRolePool(connectionString: string, max = 10) {
  return { connectionString, max, options: `-c role=${APP_ROLE}` };
}

export interface TransactionOptions {
  /** Sets the tenant for row-level security for the whole transaction. */
  organisationId?: string;
}

interface TransactionalClient<Tx> {
  $transaction<T>(work: (tx: Tx) => Promise<T>, options: { maxWait: number; timeout: number }): Promise<T>;
}

/** One transaction, with the tenant set first when given; without it, protected tables show nothing. */
export function runTransaction<Tx extends { $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> }, T>(
  client: TransactionalClient<Tx>,
  work: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  return client.$transaction(
    async (tx) => {
      if (options.organisationId) await tx.$executeRawUnsafe(`SELECT set_config('${TENANT_SETTING}', $1, true)`, options.organisationId);
      return work(tx);
    },
    { maxWait: 5_000, timeout: 15_000 },
  );
}
