import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { SessionDidNotAttendV1, type RpcMeta, type CaseSessionView } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { SessionTransitioner } from './session-transitioner';
import { toSessionView } from './session.view';

/** Records that the parties did not attend; the staff's time stays booked, because it was spent. */
@Injectable()
export class MarkDidNotAttendUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly transitioner: SessionTransitioner,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, sessionId: string, reason: string): Promise<CaseSessionView> {
    return this.db.forTenant(meta, async (tx) => {
      const now = this.clock.now();
      const row = await this.transitioner.leaveBooked(tx, meta, sessionId, (current) => {
        if (current.startsAt > now) throw ProblemError.conflict(`The session starts at ${current.startsAt.toISOString()}; nobody can have missed it yet.`);
        return {
          changes: { status: 'did-not-attend', statusReason: reason },
          definition: SessionDidNotAttendV1,
          data: (r) => ({ sessionId: r.id, caseId: r.caseId, contractId: r.contractId, sessionType: r.sessionType, reason, recordedAt: now.toISOString() }),
        };
      });
      return toSessionView(row);
    });
  }
}
