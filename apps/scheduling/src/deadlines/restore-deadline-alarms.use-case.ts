import { Injectable, Logger } from '@nestjs/common';
import { TenantDirectory } from '@mediation/platform';
import { DeadlineAlarm } from './deadline-alarm';
import { DeadlineRepository } from './deadline.repository';

const PAGE = 500;

/**
 * Puts every pending deadline's alarms back into Redis, which came back after an outage perhaps without
 * its data. PostgreSQL is the truth; setting an alarm that exists is a no-op (deterministic job ids), so
 * replicas doing it at once, or Redis having kept its data, cost only the round trips.
 */
@Injectable()
export class RestoreDeadlineAlarmsUseCase {
  private readonly logger = new Logger('DeadlineAlarms');

  constructor(
    private readonly tenants: TenantDirectory,
    private readonly deadlines: DeadlineRepository,
    private readonly alarm: DeadlineAlarm,
  ) {}

  async execute(): Promise<{ deadlines: number }> {
    let count = 0;
    for (const organisationId of await this.tenants.organisationIds()) {
      let after: string | null = null;
      for (;;) {
        const page = await this.deadlines.findPendingPage(organisationId, after, PAGE);
        for (const deadline of page) await this.alarm.set(deadline);
        count += page.length;
        if (page.length < PAGE) break;
        after = page[page.length - 1].id;
      }
    }
    this.logger.log(`restored the alarms of ${count} pending deadline(s)`);
    return { deadlines: count };
  }
}
