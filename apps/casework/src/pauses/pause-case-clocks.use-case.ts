import { Injectable } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { Clock, ProblemError } from '@mediation/platform';
import { uuidv7, workflowOf, type CasePauseView, type PauseBody, type RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseworkDatabase, type CaseworkTx } from '../database/casework.database';
import { stateOf } from '../workflow/workflow-machine';
import { CasePauseEvents } from './case-pause-events';
import { CasePauseRepository, type CasePauseRecord } from './case-pause.repository';
import { toCasePauseView } from './case-pause.view';

/**
 * Pauses an active case (e.g. the service user asked to defer, agreed with the buyer's officer):
 * scheduling stops its pausable clocks on the event, and restarts them with the days they had left.
 */
@Injectable()
export class PauseCaseClocksUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly book: ContractBook,
    private readonly pauses: CasePauseRepository,
    private readonly events: CasePauseEvents,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, caseId: string, body: PauseBody): Promise<CasePauseView> {
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      const workflow = workflowOf(await this.book.caseLine(tx, c));
      if (stateOf(workflow, c.status).category !== 'active') throw ProblemError.conflict(`Only an active case can be paused; this one is ${c.status}.`);
      const open = await this.pauses.findOpen(tx, c.id);
      if (open) throw ProblemError.conflict(`The case is already paused (since ${open.pausedAt.toISOString()}); resume it first.`);
      const now = this.clock.now();
      const pausedAt = body.pausedAt ? new Date(body.pausedAt) : now;
      if (pausedAt.getTime() > now.getTime()) throw ProblemError.validation([{ field: 'pausedAt', message: 'must not be in the future', code: 'in_future' }]);
      if (pausedAt.getTime() < c.openedAt.getTime())
        throw ProblemError.validation([
          { field: 'pausedAt', message: `must not be before the case opened (${c.openedAt.toISOString()})`, code: 'before_opened' },
        ]);
      const last = await this.pauses.findLastEnded(tx, c.id);
      if (last?.resumedAt && pausedAt.getTime() < last.resumedAt.getTime())
        throw ProblemError.validation([
          { field: 'pausedAt', message: `must not be before the previous pause ended (${last.resumedAt.toISOString()})`, code: 'overlaps_pause' },
        ]);
      const pause = await this.createOnce(tx, {
        id: uuidv7(),
        organisationId: c.organisationId,
        caseId: c.id,
        pausedAt,
        reason: body.reason,
        agreedWith: body.agreedWith,
        recordedBy: meta.actorId,
        createdAt: now,
      });
      await this.events.paused(tx, meta, c, pause);
      return toCasePauseView(pause);
    });
  }

  /** The case row is locked, so the check above decides; the unique index is the backstop. */
  private async createOnce(tx: CaseworkTx, record: Omit<CasePauseRecord, 'resumedAt'>): Promise<CasePauseRecord> {
    try {
      return await this.pauses.create(tx, record);
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002') throw ProblemError.conflict('The case is already paused; resume it first.');
      throw error;
    }
  }
}
