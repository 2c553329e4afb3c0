import { Injectable } from '@nestjs/common';
import { calendarFor } from '@mediation/calendar';
import { Clock, ProblemError } from '@mediation/platform';
import { inContractScope, type CaseSessionView, type MoveSessionBody, type RpcMeta } from '@mediation/protocol';
import { ContractBook } from '@mediation/contract-book';
import { SchedulingDatabase } from '../database/scheduling.database';
import { checkNotice, noticeProblem } from './session-notice';
import { SessionNotices } from './session-notices';
import { SessionReminderAlarms } from './session-reminder-alarms';
import { SessionStaffCheck } from './session-staff-check';
import { isDoubleBooking, SessionRepository } from './session.repository';
import { toSessionView } from './session.view';

/**
 * Moves a booked session to another time under the rules it was booked by, judged for the new time: the
 * staff's hard rules (accreditations valid through the new day, the London Living Wage then, conflicts)
 * and their availability (SessionStaffCheck, the booking's one staff rule), the line's notice rule counted
 * again from today (unless the parties waived it), and nobody and no venue double booked (PostgreSQL's
 * exclusion constraint guards the race). Everyone attending is sent an update of the same calendar entry
 * (SEQUENCE + 1).
 */
@Injectable()
export class MoveSessionUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly sessions: SessionRepository,
    private readonly book: ContractBook,
    private readonly notices: SessionNotices,
    private readonly reminders: SessionReminderAlarms,
    private readonly clock: Clock,
    private readonly staffCheck: SessionStaffCheck,
  ) {}

  async execute(meta: RpcMeta, sessionId: string, move: MoveSessionBody): Promise<CaseSessionView> {
    try {
      return await this.db.forTenant(meta, async (tx) => {
        const now = this.clock.now();
        const current = await this.sessions.find(tx, meta.organisationId, sessionId);
        if (!current || !inContractScope(meta, current.contractId)) throw ProblemError.notFound('session', sessionId);
        if (current.status !== 'booked') throw ProblemError.conflict(`The session is ${current.status}, not booked; only a booked session can be moved.`);
        const startsAt = new Date(move.startsAt);
        const endsAt = new Date(move.endsAt);
        if (startsAt <= now) throw ProblemError.validation([{ field: 'startsAt', message: 'must be in the future' }]);
        if (startsAt.getTime() === current.startsAt.getTime() && endsAt.getTime() === current.endsAt.getTime())
          throw ProblemError.validation([{ field: 'startsAt', message: 'is when the session already is; nothing to move' }]);
        const line = await this.book.caseLine(
          tx,
          { organisationId: meta.organisationId, contractId: current.contractId, contractVersion: current.contractVersion, serviceLine: current.serviceLine },
          meta.correlationId,
        );
        const required = line.sessionNotice?.minWorkingDays ?? null;
        const notice = checkNotice(now, startsAt, required, Boolean(move.noticeWaived), calendarFor(line.closureDays));
        if (!notice.ok) throw noticeProblem(line, notice, 'move');
        const parties = (current.parties as { name: string }[]).map((p) => p.name);
        const people = await this.staffCheck.eligible(tx, meta, {
          staffIds: current.staffIds,
          caseId: current.caseId,
          contractId: current.contractId,
          line,
          parties,
          startsAt,
          endsAt,
        });
        this.staffCheck.assertAvailable(people, startsAt, endsAt);
        const resources = [...current.staffIds, ...(current.venueId ? [current.venueId] : [])];
        const clashes = (await this.sessions.findClashes(tx, meta.organisationId, resources, startsAt, endsAt)).filter((c) => c.session.id !== current.id);
        if (clashes.length > 0)
          throw ProblemError.conflict(
            `Double booking: ${clashes.map((c) => `${c.resourceKind === 'venue' ? 'the venue' : `staff ${c.resourceId}`} is booked in session ${c.session.id}`).join('; ')}.`,
          );
        const row = await this.sessions.moveBooked(tx, current, startsAt, endsAt, {
          noticeGivenDays: notice.given,
          noticeWaivedBy: move.noticeWaived?.by ?? null,
          noticeWaivedReason: move.noticeWaived?.reason ?? null,
        });
        if (!row) throw ProblemError.conflict('The session changed while it was being moved; look at it again and retry.');
        await this.notices.append(tx, row, 'moved', now, { correlationId: meta.correlationId, previousStartsAt: current.startsAt });
        // New alarms for the new version; the old ones find a stale sequence and do nothing.
        await this.reminders.setAfterCommit(tx, row);
        return toSessionView(row);
      });
    } catch (error) {
      if (isDoubleBooking(error))
        throw ProblemError.conflict('Someone attending, or the venue, was booked into an overlapping session at the same moment; nothing was moved.');
      throw error;
    }
  }
}
