import { Injectable } from '@nestjs/common';
import type { SchedulingTx } from '../database/scheduling.database';
import type { SessionReminderTime } from './session-reminder-times';

/** Each line's own session reminder times (per contract and line); none kept means the defaults. */
@Injectable()
export class LineRemindersRepository {
  async find(tx: SchedulingTx, contractId: string, serviceLine: string): Promise<SessionReminderTime[] | null> {
    const row = await tx.lineSessionReminders.findUnique({ where: { contractId_serviceLine: { contractId, serviceLine } } });
    return row ? (row.reminders as unknown as SessionReminderTime[]) : null;
  }

  async set(
    tx: SchedulingTx,
    r: { contractId: string; serviceLine: string; organisationId: string; reminders: SessionReminderTime[]; now: Date },
  ): Promise<void> {
    const { contractId, serviceLine } = r;
    await tx.lineSessionReminders.upsert({
      where: { contractId_serviceLine: { contractId, serviceLine } },
      create: { contractId, serviceLine, organisationId: r.organisationId, reminders: r.reminders as never, updatedAt: r.now },
      update: { reminders: r.reminders as never, updatedAt: r.now },
    });
  }
}
