import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { SchedulingTx } from '../database/scheduling.database';
import { CaseFileRepository } from '../case-files/case-file.repository';
import { ServiceLineRulesReader } from '../contracts/service-line-rules';
import { DeadlineAlarm } from './deadline-alarm';
import type { Cause } from './deadline-events';
import { DeadlineRepository } from './deadline.repository';
import { StartDeadlinesUseCase } from './start-deadlines.use-case';
import { StopDeadlinesUseCase } from './stop-deadlines.use-case';

export interface Milestone {
  organisationId: string;
  caseId: string;
  milestone: string;
  occurredAt: Date;
}

/** Thrown while scheduling has not seen the case open yet; the inbox retries the event with backoff. */
export class CaseFileNotYetKnown extends Error {}

/**
 * A milestone on a case: first meets the clocks it stops, then starts the clocks it starts (a
 * certificate meets the certificate clock and starts the family's appeal deadline). A closing case
 * cancels the provider clocks still open, except those counting from the closure.
 */
@Injectable()
export class RecordMilestoneUseCase {
  constructor(
    private readonly files: CaseFileRepository,
    private readonly rules: ServiceLineRulesReader,
    private readonly deadlines: DeadlineRepository,
    private readonly stop: StopDeadlinesUseCase,
    private readonly start: StartDeadlinesUseCase,
    private readonly alarm: DeadlineAlarm,
  ) {}

  async execute(tx: SchedulingTx, m: Milestone, cause: Cause, context: HandlerContext): Promise<void> {
    const file = await this.files.find(tx, m.organisationId, m.caseId);
    if (!file) throw new CaseFileNotYetKnown(`case ${m.caseId} has not been opened in scheduling yet`);
    const locked = await this.deadlines.lockForCase(tx, m.organisationId, m.caseId);
    await this.stop.execute(tx, locked, { event: m.milestone, at: m.occurredAt }, cause, context);
    if (m.milestone === 'case.closed') {
      for (const open of locked.filter((d) => d.kind === 'provider' && ['pending', 'awaiting-date'].includes(d.status) && d.stopEvent !== 'case.closed')) {
        await this.deadlines.markCancelled(tx, open.id);
        context.afterCommit(() => this.alarm.clear(open, open.revision));
      }
    }
    const lines = await this.rules.read(tx, { ...file, correlationId: cause.correlationId });
    await this.start.execute(tx, file, lines, { event: m.milestone, at: () => m.occurredAt }, cause, context);
  }
}
