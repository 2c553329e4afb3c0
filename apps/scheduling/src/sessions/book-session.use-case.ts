import { Injectable } from '@nestjs/common';
import { calendarFor } from '@mediation/calendar';
import { EventPublisher } from '@mediation/messaging';
import { Clock, ProblemError } from '@mediation/platform';
import { SessionBookedV1, uuidv7, type BookSessionBody, type CaseContext, type RpcMeta, type CaseSessionView } from '@mediation/protocol';
import { SchedulingDatabase, type SchedulingTx } from '../database/scheduling.database';
import { CaseLineReader } from '../staff/case-line.reader';
import { VenueRepository } from '../venues/venue.repository';
import { heldMove } from './hold-session.use-case';
import { SessionWork } from './session-work';
import { sessionKindProblems } from './session-kind';
import { checkNotice, noticeProblem } from './session-notice';
import { SessionNotices } from './session-notices';
import { SessionReminderAlarms } from './session-reminder-alarms';
import { SessionStaffCheck } from './session-staff-check';
import { SessionTransitioner } from './session-transitioner';
import { isDoubleBooking, SessionRepository } from './session.repository';
import { attendeesOf, toSessionView } from './session.view';

/**
 * Books a session on a case: a kind of the case's service line, held the way that kind allows, with
 * eligible staff (the allocation's hard rules, judged for the session's dates) inside their
 * availability, the line's notice rule (unless the parties waived it), and nobody and no venue in
 * two places at once — checked here for a clear answer, and enforced by PostgreSQL for races.
 * A session that already took place (`held`) is booked and held at once: notice and availability
 * are for planning, so they do not apply; the staff rules and double booking do.
 */
@Injectable()
export class BookSessionUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly sessions: SessionRepository,
    private readonly venues: VenueRepository,
    private readonly caseLines: CaseLineReader,
    private readonly staffCheck: SessionStaffCheck,
    private readonly transitioner: SessionTransitioner,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    private readonly notices: SessionNotices,
    private readonly reminders: SessionReminderAlarms,
    private readonly work: SessionWork,
  ) {}

  /** `caseParties`: the case's party names from casework, for conflicts of interest with someone not attending. */
  async execute(meta: RpcMeta, context: CaseContext, body: BookSessionBody, caseParties: readonly string[] = []): Promise<CaseSessionView> {
    try {
      return await this.db.forTenant(meta, (tx) => this.book(tx, meta, context, body, caseParties));
    } catch (error) {
      if (isDoubleBooking(error))
        throw ProblemError.conflict(
          'Someone attending, or the venue, was booked into an overlapping session at the same moment; nothing was booked. Check the times and try again.',
        );
      throw error;
    }
  }

  private async book(tx: SchedulingTx, meta: RpcMeta, context: CaseContext, body: BookSessionBody, caseParties: readonly string[]): Promise<CaseSessionView> {
    const now = this.clock.now();
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(body.endsAt);
    const at = await this.caseLines.read(tx, meta, context);
    const line = at.line;

    const kind = sessionKindProblems(line, body);
    if (kind.errors.length > 0 || !kind.type) throw ProblemError.validation(kind.errors);
    if (body.held) assertAlreadyHappened(startsAt, endsAt, now, context.beganAt);
    else if (startsAt <= now)
      throw ProblemError.validation([{ field: 'startsAt', message: 'must be in the future (record a session that already took place with `held: true`)' }]);
    if (body.venueId && !(await this.venues.find(tx, meta.organisationId, body.venueId)))
      throw ProblemError.validation([{ field: 'venueId', message: `no venue ${body.venueId} in your organisation` }]);
    const parties = [...caseParties, ...body.parties.map((p) => p.name)];
    const people = await this.staffCheck.eligible(tx, meta, {
      staffIds: body.staffIds,
      caseId: context.caseId,
      contractId: at.contractId,
      line,
      parties,
      startsAt,
      endsAt,
    });
    if (!body.held) this.staffCheck.assertAvailable(people, startsAt, endsAt);

    const required = body.held ? null : (line.sessionNotice?.minWorkingDays ?? null);
    const notice = body.held
      ? { ok: true as const, given: 0 }
      : checkNotice(now, startsAt, required, Boolean(body.noticeWaived), calendarFor(line.closureDays));
    if (!notice.ok) throw noticeProblem(line, notice, 'booking');

    const clashes = await this.sessions.findClashes(tx, meta.organisationId, [...body.staffIds, ...(body.venueId ? [body.venueId] : [])], startsAt, endsAt);
    if (clashes.length > 0) {
      const who = clashes.map(
        (c) =>
          `${c.resourceKind === 'venue' ? 'the venue' : `staff ${c.resourceId}`} is booked ${c.session.startsAt.toISOString()}–${c.session.endsAt.toISOString()} (session ${c.session.id})`,
      );
      throw ProblemError.conflict(`Double booking: ${who.join('; ')}.`);
    }

    const row = await this.sessions.create(tx, {
      id: uuidv7(),
      organisationId: meta.organisationId,
      caseId: context.caseId,
      contractId: at.contractId,
      serviceLine: at.serviceLine,
      contractVersion: at.version,
      sessionType: kind.type.key,
      sessionTypeLabel: kind.type.label,
      heldMilestone: kind.type.heldMilestone ?? null,
      mode: body.mode,
      venueId: body.venueId ?? null,
      location: body.location ?? null,
      videoLink: body.videoLink ?? null,
      startsAt,
      endsAt,
      staffIds: body.staffIds,
      parties: body.parties,
      status: 'booked',
      noticeRequiredDays: required,
      noticeGivenDays: notice.given,
      noticeWaivedBy: body.noticeWaived?.by ?? null,
      noticeWaivedReason: body.noticeWaived?.reason ?? null,
      bookedAt: now,
      bookedBy: meta.actorId,
    });
    await this.events.append(tx, {
      definition: SessionBookedV1,
      data: {
        sessionId: row.id,
        caseId: row.caseId,
        contractId: row.contractId,
        sessionType: row.sessionType,
        mode: body.mode,
        venueId: row.venueId,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        attendees: attendeesOf(row),
        noticeWorkingDays: notice.given,
        noticeWaived: Boolean(body.noticeWaived),
      },
      subject: row.id,
      organisationId: row.organisationId,
      contractId: row.contractId,
      sequence: row.version,
      correlationId: meta.correlationId,
    });
    if (!body.held) {
      await this.notices.append(tx, row, 'booked', now, { correlationId: meta.correlationId });
      await this.reminders.setAfterCommit(tx, row);
      return toSessionView(row);
    }
    const held = await this.transitioner.leaveBooked(tx, meta, row.id, (current) => heldMove(current, now, startsAt));
    await this.work.append(tx, held, meta.correlationId);
    return toSessionView(held);
  }
}

/** A session recorded afterwards happened within the case's life and is over; `beganAt` is casework's start of the case. */
function assertAlreadyHappened(startsAt: Date, endsAt: Date, now: Date, beganAt: string | undefined): void {
  if (endsAt > now) throw ProblemError.validation([{ field: 'endsAt', message: 'a session recorded as held must have ended by now', code: 'in_future' }]);
  if (beganAt && startsAt < new Date(beganAt))
    throw ProblemError.validation([{ field: 'startsAt', message: `must not be before the case began (${beganAt})`, code: 'before_case' }]);
}
