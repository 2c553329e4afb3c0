import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { SchedulingTx } from '../database/scheduling.database';
import { CaseFileRepository } from '../case-files/case-file.repository';
import { ServiceLineRulesReader } from './service-line-rules';
import { CancelDeadlinesUseCase, type CancelReason } from './cancel-deadlines.use-case';
import { CaseLock } from './case-lock';
import type { Cause } from './deadline-events';
import type { DeadlineRecord } from './deadline.repository';
import { StartDeadlinesUseCase } from './start-deadlines.use-case';
import { StopDeadlinesUseCase } from './stop-deadlines.use-case';

export interface Milestone {
  organisationId: string;
  caseId: string;
  milestone: string;
  occurredAt: Date;
  /** The case's version on the event, when casework sent it: orders closures and reopenings of the case file. */
  sequence?: number;
}

/** Milestones after which the case has no work left, and the reason their open clocks are cancelled with. */
const CASE_ENDINGS: Record<string, { status: 'closed' | 'ended'; reason: CancelReason }> = {
  'case.closed': { status: 'closed', reason: 'case-closed' },
  'case.ended': { status: 'ended', reason: 'case-ended' },
};

/** The parts of a deadline's stored rule the milestone reads (older rows may lack `cancelEvents`). */
const storedRule = (d: DeadlineRecord) => (d.ruleDefinition ?? {}) as { startEvent?: string; cancelEvents?: string[] };

/**
 * A milestone on a case: first meets the clocks it stops, then cancels those naming it in
 * `cancelEvents`, then starts the clocks it starts (a certificate meets the certificate clock and
 * starts the family's appeal deadline). A case that closes or ends (withdrawn, rejected) cancels the
 * provider clocks still open, except those the closure meets or starts, and its case file is marked so.
 */
@Injectable()
export class RecordMilestoneUseCase {
  constructor(
    private readonly lock: CaseLock,
    private readonly files: CaseFileRepository,
    private readonly rules: ServiceLineRulesReader,
    private readonly stop: StopDeadlinesUseCase,
    private readonly start: StartDeadlinesUseCase,
    private readonly cancel: CancelDeadlinesUseCase,
  ) {}

  async execute(tx: SchedulingTx, m: Milestone, cause: Cause, context: HandlerContext): Promise<void> {
    // Locked before it is read, so a pause being applied now is seen by the clocks this milestone starts.
    const { file, clocks: locked } = await this.lock.fileAndClocks(tx, m.organisationId, m.caseId);
    const met = new Set((await this.stop.execute(tx, locked, { event: m.milestone, at: m.occurredAt }, cause, context)).map((d) => d.id));
    const unmet = locked.filter((d) => !met.has(d.id));
    const stopped = await this.cancel.execute(
      tx,
      unmet.filter((d) => (storedRule(d).cancelEvents ?? []).includes(m.milestone)),
      { at: m.occurredAt, reason: 'stopped-by-event' },
      cause,
      context,
    );
    const ending = CASE_ENDINGS[m.milestone];
    if (ending) {
      const cancelledNow = new Set(stopped.map((d) => d.id));
      const running = unmet.filter(
        (d) => !cancelledNow.has(d.id) && d.kind === 'provider' && d.stopEvent !== m.milestone && storedRule(d).startEvent !== m.milestone,
      );
      await this.cancel.execute(tx, running, { at: m.occurredAt, reason: ending.reason }, cause, context);
      await this.files.setStatus(tx, file.caseId, ending.status, m.sequence);
    }
    const lines = await this.rules.read(tx, { ...file, correlationId: cause.correlationId });
    await this.start.execute(tx, file, lines, { event: m.milestone, at: () => m.occurredAt }, cause, context);
  }
}
