import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import { SchedulingDatabase } from '../database/scheduling.database';
import { SessionNotices } from '../sessions/session-notices';
import { SessionReminderAlarms } from '../sessions/session-reminder-alarms';
import { SessionReminderRepository } from './session-reminder.repository';

export type SessionReminderOutcome = 'reminded' | 'already-sent' | 'not-booked' | 'stale' | 'passed' | 'not-yet';

/**
 * Sends one reminder before a session, to everyone attending (scheduling.session.arrangements.v1 with
 * change `reminder`): never for a session cancelled or held (not booked), moved since the alarm was set
 * (another sequence), already started, nor twice (the sent row's key).
 */
@Injectable()
export class RemindSessionUseCase {
  private readonly logger = new Logger(RemindSessionUseCase.name);

  constructor(
    private readonly db: SchedulingDatabase,
    private readonly reminders: SessionReminderRepository,
    private readonly alarms: SessionReminderAlarms,
    private readonly notices: SessionNotices,
    private readonly clock: Clock,
  ) {}

  execute(
    organisationId: string,
    sessionId: string,
    sequence: number,
    reminder: number,
    early?: (at: Date) => Promise<never>,
  ): Promise<SessionReminderOutcome> {
    return this.db.forTenant(organisationId, async (tx) => {
      const now = this.clock.now();
      const row = await this.reminders.lock(tx, organisationId, sessionId);
      if (!row || row.status !== 'booked') return 'not-booked';
      if (row.calendarSequence !== sequence) return 'stale';
      if (row.startsAt <= now) return 'passed';
      const due = (await this.alarms.times(tx, row)).find((t) => t.reminder === reminder);
      if (!due) return 'stale';
      if (due.at > now) {
        if (early) await early(due.at);
        return 'not-yet';
      }
      if (!(await this.reminders.markSent(tx, row, reminder, now))) return 'already-sent';
      await this.notices.append(tx, row, 'reminder', now, { correlationId: `session-reminder-${row.id}-s${sequence}-${reminder}`, reminder });
      this.logger.debug(`session ${row.id}: reminder ${reminder} of sequence ${sequence} sent`);
      return 'reminded';
    });
  }
}
