import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import { inContractScope, type EventData, type EventDefinition, type RpcMeta } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import type { Prisma } from '../generated/prisma/client';
import { SessionRepository, type SessionRecord } from './session.repository';

/** How a verb moves a booked session on: the columns it sets and the event that announces it. */
export interface SessionMove<D extends EventDefinition> {
  changes: Prisma.CaseSessionUncheckedUpdateManyInput;
  /** Said after "The session is <status>, not booked" when someone moved the session first. */
  refusal?: string;
  definition: D;
  data: (row: SessionRecord) => EventData<D>;
}

/** The steps holding, cancelling and marking did-not-attend share, in the caller's transaction. */
@Injectable()
export class SessionTransitioner {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly events: EventPublisher,
  ) {}

  /** Finds the session (404), lets `decide` refuse or choose the move, applies it only if still booked (409) and appends its event. */
  async leaveBooked<D extends EventDefinition>(
    tx: SchedulingTx,
    meta: RpcMeta,
    sessionId: string,
    decide: (current: SessionRecord) => SessionMove<D>,
  ): Promise<SessionRecord> {
    const current = await this.sessions.find(tx, meta.organisationId, sessionId);
    // As on reads: a caller limited to some contracts never touches another contract's sessions.
    if (!current || !inContractScope(meta, current.contractId)) throw ProblemError.notFound('session', sessionId);
    const move = decide(current);
    const row = await this.sessions.transitionFromBooked(tx, meta.organisationId, sessionId, move.changes);
    if (!row) throw ProblemError.conflict(`The session is ${current.status}, not booked${move.refusal ? `; ${move.refusal}` : ''}.`);
    await this.events.append(tx, {
      definition: move.definition,
      data: move.data(row),
      subject: row.id,
      organisationId: row.organisationId,
      contractId: row.contractId,
      sequence: row.version,
      correlationId: meta.correlationId,
    });
    return row;
  }
}
