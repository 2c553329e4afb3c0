import { Injectable } from '@nestjs/common';
import type { CaseSession, Prisma } from '../generated/prisma/client';
import type { SchedulingTx } from '../database/scheduling.database';

export type SessionRecord = CaseSession;

/** True for PostgreSQL's exclusion-constraint violation (23P01), however the driver wraps it. */
export function isDoubleBooking(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown): boolean => {
    if (!e || typeof e !== 'object' || seen.has(e)) return false;
    seen.add(e);
    const o = e as Record<string, unknown>;
    if (o.code === '23P01' || o.originalCode === '23P01') return true;
    if (typeof o.message === 'string' && o.message.includes('session_booking_no_double_booking')) return true;
    return ['cause', 'meta', 'driverAdapterError', 'original'].some((k) => visit(o[k]));
  };
  return visit(error);
}

@Injectable()
export class SessionRepository {
  /** Writes the session and one booking per person and venue it occupies; the exclusion constraint refuses overlaps. */
  async create(tx: SchedulingTx, data: Prisma.CaseSessionUncheckedCreateInput & { staffIds: string[] }): Promise<SessionRecord> {
    const row = await tx.caseSession.create({ data });
    const resources = [
      ...data.staffIds.map((id) => ({ resourceId: id, resourceKind: 'staff' })),
      ...(data.venueId ? [{ resourceId: data.venueId, resourceKind: 'venue' }] : []),
    ];
    await tx.sessionBooking.createMany({
      data: resources.map((r) => ({ ...r, sessionId: row.id, organisationId: row.organisationId, startsAt: row.startsAt, endsAt: row.endsAt })),
    });
    return row;
  }

  /** Live sessions of these people or this venue overlapping the interval: what a booking would clash with. */
  async findClashes(
    tx: SchedulingTx,
    organisationId: string,
    resourceIds: readonly string[],
    startsAt: Date,
    endsAt: Date,
  ): Promise<{ resourceId: string; resourceKind: string; session: SessionRecord }[]> {
    const rows = await tx.sessionBooking.findMany({
      where: { organisationId, resourceId: { in: [...resourceIds] }, startsAt: { lt: endsAt }, endsAt: { gt: startsAt } },
      include: { session: true },
    });
    return rows.map((r) => ({ resourceId: r.resourceId, resourceKind: r.resourceKind, session: r.session }));
  }

  /** Bookings of these people between two instants: the time allocation counts as busy. */
  busyIntervals(
    tx: SchedulingTx,
    organisationId: string,
    staffIds: readonly string[],
    from: Date,
    to: Date,
  ): Promise<{ resourceId: string; startsAt: Date; endsAt: Date }[]> {
    return tx.sessionBooking.findMany({
      where: { organisationId, resourceId: { in: [...staffIds] }, startsAt: { lt: to }, endsAt: { gt: from } },
      select: { resourceId: true, startsAt: true, endsAt: true },
    });
  }

  find(tx: SchedulingTx, organisationId: string, id: string): Promise<SessionRecord | null> {
    return tx.caseSession.findFirst({ where: { organisationId, id } });
  }

  listForCase(tx: SchedulingTx, organisationId: string, caseId: string): Promise<SessionRecord[]> {
    return tx.caseSession.findMany({ where: { organisationId, caseId }, orderBy: { startsAt: 'asc' } });
  }

  /** Sessions starting in [from, to), of one person or one venue when given: a calendar's week, whatever their status. */
  listStarting(tx: SchedulingTx, organisationId: string, range: { from: Date; to: Date; staffId?: string; venueId?: string }): Promise<SessionRecord[]> {
    return tx.caseSession.findMany({
      where: {
        organisationId,
        startsAt: { gte: range.from, lt: range.to },
        ...(range.staffId ? { staffIds: { has: range.staffId } } : {}),
        ...(range.venueId ? { venueId: range.venueId } : {}),
      },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    });
  }

  /** Moves a booked session on; null when it was no longer booked (someone else moved it first). */
  async transitionFromBooked(
    tx: SchedulingTx,
    organisationId: string,
    id: string,
    data: Prisma.CaseSessionUncheckedUpdateManyInput,
  ): Promise<SessionRecord | null> {
    const { count } = await tx.caseSession.updateMany({ where: { organisationId, id, status: 'booked' }, data: { ...data, version: { increment: 1 } } });
    return count === 0 ? null : this.find(tx, organisationId, id);
  }

  /**
   * Moves a booked session (and its bookings, which the exclusion constraint checks again) to new times,
   * one more version of its calendar entry; null when it was no longer the version read (moved or left booked meanwhile).
   */
  async moveBooked(
    tx: SchedulingTx,
    current: SessionRecord,
    startsAt: Date,
    endsAt: Date,
    notice: Pick<Prisma.CaseSessionUncheckedUpdateManyInput, 'noticeGivenDays' | 'noticeWaivedBy' | 'noticeWaivedReason'>,
  ): Promise<SessionRecord | null> {
    const { count } = await tx.caseSession.updateMany({
      where: { organisationId: current.organisationId, id: current.id, status: 'booked', version: current.version },
      data: { ...notice, startsAt, endsAt, calendarSequence: { increment: 1 }, version: { increment: 1 } },
    });
    if (count === 0) return null;
    await tx.sessionBooking.updateMany({ where: { sessionId: current.id }, data: { startsAt, endsAt } });
    return this.find(tx, current.organisationId, current.id);
  }

  /** A cancelled session frees its people and venue. */
  async release(tx: SchedulingTx, sessionId: string): Promise<void> {
    await tx.sessionBooking.deleteMany({ where: { sessionId } });
  }
}
