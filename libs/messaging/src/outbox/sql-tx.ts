export { Transactions, type SqlTx } from '@mediation/platform';

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`"${name}" is not a safe SQL identifier`);
  return `"${name}"`;
}

export function outboxChannel(schema: string): string {
  return `outbox_${schema}`;
}
