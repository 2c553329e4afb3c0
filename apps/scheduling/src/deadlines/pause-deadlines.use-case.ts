import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { SchedulingTx } from '../database/scheduling.database';
import { CaseFileRepository } from '../case-files/case-file.repository';
import { ServiceLineRulesReader } from './service-line-rules';
import { CaseLock } from './case-lock';
import { DeadlineAlarm } from './deadline-alarm';
import { DeadlineEvents, type Cause } from './deadline-events';
import { DeadlineRepository, type DeadlineRecord } from './deadline.repository';
import { dayKindOf, pausableRule, remainingDays } from './paused-clock';

export interface CasePause {
  organisationId: string;
  caseId: string;
  pauseId: string;
  pausedAt: Date;
}

/** Thrown while the case's previous pause has not been seen to end; the inbox retries the event with backoff. */
export class PreviousPauseStillOpen extends Error {}

/**
 * The case was paused: every pending clock whose rule is pausable stops with the whole days it had
 * left, under the next revision (so its alarms are stale and are removed after commit). Statutory and
 * fixed-date clocks keep running, and a clock already due at the pause is left to be breached.
 */
@Injectable()
export class PauseDeadlinesUseCase {
  constructor(
    private readonly lock: CaseLock,
    private readonly files: CaseFileRepository,
    private readonly rules: ServiceLineRulesReader,
    private readonly deadlines: DeadlineRepository,
    private readonly alarm: DeadlineAlarm,
    private readonly events: DeadlineEvents,
  ) {}

  async execute(tx: SchedulingTx, pause: CasePause, cause: Cause, context: HandlerContext): Promise<DeadlineRecord[]> {
    const { file, clocks: locked } = await this.lock.fileAndClocks(tx, pause.organisationId, pause.caseId);
    if (file.pauseId === pause.pauseId || file.resumedPauseId === pause.pauseId) return [];
    if (file.pauseId) throw new PreviousPauseStillOpen(`case ${pause.caseId} is still paused by ${file.pauseId}; waiting for its resume`);
    await this.files.setPause(tx, file.caseId, pause);
    const { calendar } = await this.rules.read(tx, { ...file, correlationId: cause.correlationId });
    const paused: DeadlineRecord[] = [];
    for (const deadline of locked) {
      const rule = pausableRule(deadline.ruleDefinition);
      if (!rule || deadline.status !== 'pending' || !deadline.dueAt || deadline.dueAt.getTime() <= pause.pausedAt.getTime()) continue;
      // A pause dated before the clock started (e.g. before the next office-hours opening) stops it at its start, with all its days.
      const stoppedAt = deadline.startedAt.getTime() > pause.pausedAt.getTime() ? deadline.startedAt : pause.pausedAt;
      const updated = await this.deadlines.markPaused(tx, deadline.id, stoppedAt, remainingDays(rule.due, stoppedAt, deadline.dueAt, calendar));
      await this.events.paused(tx, updated, dayKindOf(rule.due), cause);
      context.afterCommit(() => this.alarm.clear(deadline, deadline.revision));
      paused.push(updated);
    }
    return paused;
  }
}
