import { leanSql } from './transaction-connection';
import type { SqlTx } from './transactions';

/** The named locks each open transaction holds, as far as this process took them through here. */
const held = new WeakMap<object, Set<string>>();

/**
 * Takes a transaction-scoped advisory lock by name (released at COMMIT or ROLLBACK), in a statement of its own so the
 * statements after it see what the lock's previous holder committed; nothing when this transaction took it already,
 * e.g. in the inbox claim that began it (`locksCte`, then `locksTaken`).
 */
export async function lockForTransaction(tx: SqlTx, name: string): Promise<void> {
  if (held.get(tx)?.has(name)) return;
  await leanSql(tx).rows(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, name);
  // A bare client (it has $transaction; a transaction's client has not) ran that as a transaction of its own, now over.
  if (!('$transaction' in tx)) heldBy(tx).add(name);
}

/**
 * A CTE that takes the named locks (`$n`, a text array), in the order given, for a transaction's first statement to join:
 * they are then held before any later statement takes its snapshot. Call `locksTaken` once the statement ran.
 */
export function locksCte(parameter: number): string {
  return `locked AS (SELECT count(pg_advisory_xact_lock(hashtextextended(name, 0))) AS n FROM unnest($${parameter}::text[]) AS name)`;
}

/** Records that `tx` holds these locks (taken by a statement with `locksCte`): `lockForTransaction` skips them. */
export function locksTaken(tx: SqlTx, names: readonly string[]): void {
  for (const name of names) heldBy(tx).add(name);
}

/** Lock names sorted and without repeats: two transactions that take them in the same order cannot deadlock on them. */
export function lockOrder(names: Iterable<string>): string[] {
  return [...new Set(names)].sort();
}

function heldBy(tx: SqlTx): Set<string> {
  let names = held.get(tx);
  if (!names) held.set(tx, (names = new Set()));
  return names;
}
