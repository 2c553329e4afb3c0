import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import { DeadlineAlarm } from './deadline-alarm';
import { DeadlineRepository } from './deadline.repository';
import { FireDeadlineUseCase } from './fire-deadline.use-case';
import { RemindDeadlineUseCase } from './remind-deadline.use-case';

const BATCH = 500;
const LOOKAHEAD_MS = 5 * 60 * 1000;

/**
 * Every minute: fires overdue deadlines and sends due reminders whose alarm never rang (Redis lost
 * it, or no worker ran), marks informational dates that have gone by as passed (they have no alarm),
 * and re-sets the alarms of deadlines falling due in the next few minutes.
 * Setting an alarm that exists is a no-op, because its job id is deterministic.
 */
@Injectable()
export class SweepDeadlinesUseCase {
  private readonly logger = new Logger('DeadlineSweeper');

  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly fire: FireDeadlineUseCase,
    private readonly remind: RemindDeadlineUseCase,
    private readonly alarm: DeadlineAlarm,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<{ fired: number; reminded: number; alarmsChecked: number }> {
    const now = this.clock.now();
    let fired = 0;
    let reminded = 0;
    for (const overdue of await this.deadlines.findOverdue(now, BATCH)) {
      // An informational date passing is this sweep's own work, not an alarm Redis lost.
      if ((await this.fire.execute(overdue.organisationId, overdue.id)) === 'breached') fired += 1;
    }
    for (const missed of await this.deadlines.findMissedReminders(now, BATCH)) {
      if ((await this.remind.execute(missed.organisationId, missed.id, missed.revision, missed.reminder)) === 'reminded') reminded += 1;
    }
    const soon = await this.deadlines.findDueBefore(now, new Date(now.getTime() + LOOKAHEAD_MS), BATCH);
    for (const deadline of soon) await this.alarm.set(deadline);
    if (fired + reminded > 0) this.logger.warn(`fired ${fired} overdue deadline(s) and ${reminded} reminder(s) whose alarm had not rung`);
    return { fired, reminded, alarmsChecked: soon.length };
  }
}
