import { CaseReopenedV1, uuidv7 } from '@mediation/protocol';
import type { NewEvent } from '../outbox/event-publisher';

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
