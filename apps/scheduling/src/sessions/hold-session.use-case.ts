import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { SessionHeldV1, type RpcMeta, type CaseSessionView } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import type { SessionRecord } from './session.repository';
import { SessionTransitioner, type SessionMove } from './session-transitioner';
import { SessionWork } from './session-work';
import { attendeesOf, toSessionView } from './session.view';

/** Records a session as held; its `heldMilestone` (e.g. `mediation.held`) goes out for the deadline engine, its staff's time for billing. */
@Injectable()
export class HoldSessionUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly transitioner: SessionTransitioner,
    private readonly work: SessionWork,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, sessionId: string, heldAtInput?: string): Promise<CaseSessionView> {
    return this.db.forTenant(meta, async (tx) => {
      const now = this.clock.now();
      const row = await this.transitioner.leaveBooked(tx, meta, sessionId, (current) =>
        heldMove(current, now, heldAtInput ? new Date(heldAtInput) : current.startsAt),
      );
      await this.work.append(tx, row, meta.correlationId);
      return toSessionView(row);
    });
  }
}

/** The move from booked to held, at `heldAt` (its start, unless told): never before the session starts, nor in the future. */
export function heldMove(current: SessionRecord, now: Date, heldAt: Date): SessionMove<typeof SessionHeldV1> {
  if (current.startsAt > now)
    throw ProblemError.conflict(`The session starts at ${current.startsAt.toISOString()}; it cannot be recorded as held before then.`);
  if (heldAt > now) throw ProblemError.validation([{ field: 'heldAt', message: 'must not be in the future' }]);
  return {
    changes: { status: 'held', heldAt },
    refusal: 'only a booked session can be recorded as held',
    definition: SessionHeldV1,
    data: (r) => ({
      sessionId: r.id,
      caseId: r.caseId,
      contractId: r.contractId,
      sessionType: r.sessionType,
      milestone: r.heldMilestone,
      heldAt: heldAt.toISOString(),
      attendees: attendeesOf(r),
    }),
  };
}
