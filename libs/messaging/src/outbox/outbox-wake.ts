/**
 * The core NATS subject that wakes a schema's relay leader once a transaction with outbox rows has
 * committed. Unlike a PostgreSQL NOTIFY, which costs a transaction in every session listening in the
 * database, it reaches only the relays of that schema (and of that namespace).
 */
export function outboxWakeSubject(namespace: string, schema: string): string {
  return `${namespace ? `${namespace}.` : ''}outbox.wake.${schema}`;
}
