import { PROBLEM_TYPES, type Problem } from '@mediation/protocol';
import { isStalePreparedStatement } from '../database/stale-prepared-statement';
import { ProblemError } from './problem.error';

/**
 * Database failures that say "busy or briefly away", not "wrong": Prisma's pool and transaction timeouts
 * (P2024, P2028), a server that cannot be reached or closed the connection (P1001, P1002, P1017), its write
 * conflict (P2034), and PostgreSQL's serialization failure, deadlock, too many connections and shutdown
 * (40001, 40P01, 53300, 57P01), whether pg reports them (a statement on the transaction's own connection) or
 * Prisma does, which keeps the SQLSTATE in its driver adapter's error. Nothing of the request was committed,
 * so the caller can retry.
 */
const TRANSIENT_PRISMA = new Set(['P1001', 'P1002', 'P1017', 'P2024', 'P2028', 'P2034']);
const TRANSIENT_SQLSTATE = new Set(['40001', '40P01', '53300', '57P01', '57P02', '57P03']);
const TRANSIENT_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

export function isTransientDatabaseError(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; cause?: unknown; meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } } } | undefined,
      depth = 0;
    e && depth < 4;
    e = e.cause as typeof e, depth += 1
  ) {
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (code && (TRANSIENT_PRISMA.has(code) || TRANSIENT_SQLSTATE.has(code) || TRANSIENT_SOCKET.has(code))) return true;
    const sqlState = e.meta?.code ?? e.meta?.driverAdapterError?.cause?.originalCode;
    if (typeof sqlState === 'string' && TRANSIENT_SQLSTATE.has(sqlState)) return true;
    // Prisma reports an interactive transaction that outlived its timeout under load with this text and no code.
    if (e instanceof Error && /Transaction already closed|Unable to start a transaction in the given time/.test(e.message)) return true;
    // A prepared statement a migration changed the columns of: the next run prepares it afresh (leanSql).
    if (isStalePreparedStatement(e)) return true;
  }
  return false;
}

/** Whatever was thrown, the problem a caller sees; unknown errors never leak their message. */
export function toProblem(error: unknown): Omit<Problem, 'instance' | 'correlationId'> {
  if (error instanceof ProblemError) return error.problem;
  if (isTransientDatabaseError(error)) {
    return ProblemError.unavailable(
      'The service is too busy to answer now and stored nothing of this request; retry shortly, with the same Idempotency-Key to be safe.',
    ).problem;
  }
  return {
    type: PROBLEM_TYPES.internal,
    title: 'Internal error',
    status: 500,
    detail: 'Something went wrong on our side; quote the correlation id to support.',
  };
}
