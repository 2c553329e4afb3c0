import { CaseReopenedV1, uuidv7 } from '@mediation/protocol';
import type { ClientBase } from 'pg';
import type { NewEvent } from '../outbox/event-publisher';
import type { SqlTx } from '../outbox/sql-tx';

/** A valid event for the messaging tests: a reopening of a new case, with the reason given. */
export function reopening(reason: string, organisationId = uuidv7()): NewEvent<typeof CaseReopenedV1> {
  const caseId = uuidv7();
  return {
    definition: CaseReopenedV1,
    data: { caseId, contractId: uuidv7(), previouslyClosedAt: '2026-11-01T10:00:00Z', reopenedAt: '2026-11-20T10:00:00Z', countsAsReopened: true, reason },
    subject: caseId,
    organisationId,
    sequence: 2,
    correlationId: 'test',
  };
}

/** The outbox's and inbox's view of a transaction, over a plain `pg` connection already in one. */
export function pgTx(client: ClientBase): SqlTx {
  return {
    $executeRawUnsafe: async (query, ...values) => (await client.query(query, values)).rowCount ?? 0,
    $queryRawUnsafe: async <R>(query: string, ...values: unknown[]) => (await client.query(query, values)).rows as R,
  };
}
