import { Injectable, Logger } from '@nestjs/common';
import { Clock, TenantDirectory } from '@mediation/platform';
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
 * Setting an alarm that exists is a no-op, because its job id is deterministic. Deadlines sit behind the
 * tenant wall, so it sweeps one organisation at a time.
 */
@Injectable()
export class SweepDeadlinesUseCase {
  private readonly logger = new Logger('DeadlineSweeper');

  constructor(
    private readonly tenants: TenantDirectory,
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
    let alarmsChecked = 0;
    for (const organisationId of await this.tenants.organisationIds()) {
      for (const overdue of await this.deadlines.findOverdue(organisationId, now, BATCH)) {
        // An informational date passing is this sweep's own work, not an alarm Redis lost.
        if ((await this.fire.execute(overdue.organisationId, overdue.id)) === 'breached') fired += 1;
      }
      for (const missed of await this.deadlines.findMissedReminders(organisationId, now, BATCH)) {
        if ((await this.remind.execute(missed.organisationId, missed.id, missed.revision, missed.reminder)) === 'reminded') reminded += 1;
      }
      const soon = await this.deadlines.findDueBefore(organisationId, now, new Date(now.getTime() + LOOKAHEAD_MS), BATCH);
      for (const deadline of soon) await this.alarm.set(deadline);
      alarmsChecked += soon.length;
    }
    if (fired + reminded > 0) this.logger.warn(`fired ${fired} overdue deadline(s) and ${reminded} reminder(s) whose alarm had not rung`);
    return { fired, reminded, alarmsChecked };
  }
}
