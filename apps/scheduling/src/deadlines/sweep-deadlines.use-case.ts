import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import { DeadlineAlarm } from './deadline-alarm';
import { DeadlineRepository } from './deadline.repository';
import { FireDeadlineUseCase } from './fire-deadline.use-case';

const BATCH = 500;
const LOOKAHEAD_MS = 5 * 60 * 1000;

/**
 * Every minute: fires overdue deadlines whose alarm never rang (Redis lost it, or no worker ran),
 * and re-sets the alarms of those falling due in the next few minutes. Setting an alarm that
 * exists is a no-op, because its job id is deterministic.
 */
@Injectable()
export class SweepDeadlinesUseCase {
  private readonly logger = new Logger('DeadlineSweeper');

  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly fire: FireDeadlineUseCase,
    private readonly alarm: DeadlineAlarm,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<{ fired: number; alarmsChecked: number }> {
    const now = this.clock.now();
    let fired = 0;
    for (const overdue of await this.deadlines.findOverdue(now, BATCH)) {
      if ((await this.fire.execute(overdue.organisationId, overdue.id)) === 'breached') fired += 1;
    }
    const soon = await this.deadlines.findDueBefore(now, new Date(now.getTime() + LOOKAHEAD_MS), BATCH);
    for (const deadline of soon) await this.alarm.set(deadline);
    if (fired > 0) this.logger.warn(`fired ${fired} overdue deadline(s) whose alarm had not rung`);
    return { fired, alarmsChecked: soon.length };
  }
}
