import { Injectable, Logger } from '@nestjs/common';
import { Clock, TenantDirectory } from '@mediation/platform';
import { SchedulingDatabase } from '../database/scheduling.database';
import { RemindSessionUseCase } from './remind-session.use-case';
import { SessionReminderAlarms } from '../sessions/session-reminder-alarms';
import { SessionReminderRepository } from './session-reminder.repository';

const BATCH = 500;
/** Reminders go at most a few working days ahead: sessions starting within this window are looked at. */
const WINDOW_MS = 10 * 24 * 3600 * 1000;

/** Every 5 minutes, one organisation at a time: sends the due reminders of booked sessions whose alarm never rang (Redis lost it, or no worker ran). */
@Injectable()
export class SweepSessionRemindersUseCase {
  private readonly logger = new Logger('SessionReminderSweeper');

  constructor(
    private readonly tenants: TenantDirectory,
    private readonly db: SchedulingDatabase,
    private readonly reminders: SessionReminderRepository,
    private readonly alarms: SessionReminderAlarms,
    private readonly remind: RemindSessionUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<number> {
    const now = this.clock.now();
    let reminded = 0;
    for (const organisationId of await this.tenants.organisationIds()) {
      const missed = await this.db.forTenant(organisationId, async (tx) => {
        const due: { sessionId: string; sequence: number; reminder: number }[] = [];
        for (const { row, sent } of await this.reminders.upcoming(tx, organisationId, now, new Date(now.getTime() + WINDOW_MS), BATCH))
          for (const t of await this.alarms.times(tx, row))
            if (t.at <= now && !sent.includes(t.reminder)) due.push({ sessionId: row.id, sequence: row.calendarSequence, reminder: t.reminder });
        return due;
      });
      for (const m of missed) if ((await this.remind.execute(organisationId, m.sessionId, m.sequence, m.reminder)) === 'reminded') reminded += 1;
    }
    if (reminded > 0) this.logger.warn(`sent ${reminded} session reminder(s) whose alarm had not rung`);
    return reminded;
  }
}
