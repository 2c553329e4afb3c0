import { Injectable } from '@nestjs/common';
import type { SchedulingTx } from '../database/scheduling.database';
import type { SessionRecord } from '../sessions/session.repository';

@Injectable()
export class SessionReminderRepository {
  /** Locks the session, so a move or a cancellation and its reminder apply one after the other. */
  async lock(tx: SchedulingTx, organisationId: string, sessionId: string): Promise<SessionRecord | null> {
    await tx.$queryRawUnsafe(`SELECT id FROM scheduling.case_session WHERE id = $1::uuid AND organisation_id = $2::uuid FOR UPDATE`, sessionId, organisationId);
    return tx.caseSession.findFirst({ where: { organisationId, id: sessionId } });
  }

  /** Records the reminder of this version of the session as sent; false when it was already (the key makes it once). */
  async markSent(tx: SchedulingTx, row: SessionRecord, reminder: number, sentAt: Date): Promise<boolean> {
    const { count } = await tx.sessionReminder.createMany({
      data: [{ sessionId: row.id, calendarSequence: row.calendarSequence, reminder, organisationId: row.organisationId, sentAt }],
      skipDuplicates: true,
    });
    return count === 1;
  }

  /** Booked sessions starting between two instants, with the reminders of their current version already sent: the sweep's work list. */
  async upcoming(tx: SchedulingTx, organisationId: string, from: Date, to: Date, take: number) {
    const rows = await tx.caseSession.findMany({
      where: { organisationId, status: 'booked', startsAt: { gt: from, lte: to } },
      include: { reminders: { select: { calendarSequence: true, reminder: true } } },
      orderBy: { startsAt: 'asc' },
      take,
    });
    return rows.map(({ reminders, ...row }) => ({ row, sent: reminders.filter((r) => r.calendarSequence === row.calendarSequence).map((r) => r.reminder) }));
  }
}
