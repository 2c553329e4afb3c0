/** PostgreSQL refusing a prepared statement whose result columns a migration changed (its next run through leanSql is prepared afresh). */
export function isStalePreparedStatement(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === '0A000' && typeof message === 'string' && /cached plan must not change result type/.test(message);
}
