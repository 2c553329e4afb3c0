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

/** Actions to run once a transaction opened by runTransaction has committed, by its transaction client. */
const commitActions = new WeakMap<object, (() => void)[]>();

/**
 * Runs `action` once the transaction `tx` commits (never if it rolls back). False when `tx` was not
 * opened by runTransaction, so the caller knows to do without (e.g. the outbox falls back to NOTIFY).
 */
export function onCommit(tx: object, action: () => void): boolean {
  const actions = commitActions.get(tx);
  actions?.push(action);
  return actions !== undefined;
}

/** One transaction, with the tenant set first when given; without it, protected tables show nothing. */
export async function runTransaction<Tx extends { $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> }, T>(
  client: TransactionalClient<Tx>,
  work: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const committed: (() => void)[] = [];
  const result = await client.$transaction(
    async (tx) => {
      commitActions.set(tx, committed);
      if (options.organisationId) await tx.$executeRawUnsafe(`SELECT set_config('${TENANT_SETTING}', $1, true)`, options.organisationId);
      return work(tx);
    },
    { maxWait: 5_000, timeout: 15_000 },
  );
  for (const action of committed) {
    try {
      action();
    } catch {
      // Best effort by contract: an action must not turn a committed transaction into an error.
    }
  }
  return result;
}
