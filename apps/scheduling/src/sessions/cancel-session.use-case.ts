import { Injectable } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import { SessionCancelledV1, type RpcMeta, type CaseSessionView } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { SessionNotices } from './session-notices';
import { SessionRepository } from './session.repository';
import { SessionTransitioner } from './session-transitioner';
import { toSessionView } from './session.view';

/** Cancels a booked session and frees its people and venue. */
@Injectable()
export class CancelSessionUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly sessions: SessionRepository,
    private readonly transitioner: SessionTransitioner,
    private readonly clock: Clock,
    private readonly notices: SessionNotices,
  ) {}

  execute(meta: RpcMeta, sessionId: string, reason: string): Promise<CaseSessionView> {
    return this.db.forTenant(meta, async (tx) => {
      const now = this.clock.now();
      const row = await this.transitioner.leaveBooked(tx, meta, sessionId, () => ({
        // A cancellation is the entry's last version: calendars replace the event they hold with it.
        changes: { status: 'cancelled', cancelledAt: now, statusReason: reason, calendarSequence: { increment: 1 } },
        refusal: 'only a booked session can be cancelled',
        definition: SessionCancelledV1,
        data: (r) => ({
          sessionId: r.id,
          caseId: r.caseId,
          contractId: r.contractId,
          sessionType: r.sessionType,
          reason,
          cancelledAt: now.toISOString(),
          startsAt: r.startsAt.toISOString(),
        }),
      }));
      await this.sessions.release(tx, row.id);
      await this.notices.append(tx, row, 'cancelled', now, { correlationId: meta.correlationId, reason });
      return toSessionView(row);
    });
  }
}
