import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import type { CasePauseView, ResumeBody, RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseworkDatabase } from '../database/casework.database';
import { CasePauseEvents } from './case-pause-events';
import { CasePauseRepository } from './case-pause.repository';
import { toCasePauseView } from './case-pause.view';

/** Ends the open pause of a case: scheduling restarts the clocks it stopped, each with the days it had left. */
@Injectable()
export class ResumeCaseClocksUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly pauses: CasePauseRepository,
    private readonly events: CasePauseEvents,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, caseId: string, body: ResumeBody): Promise<CasePauseView> {
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      const open = await this.pauses.findOpen(tx, c.id);
      if (!open) throw ProblemError.conflict('The case is not paused.');
      const now = this.clock.now();
      const resumedAt = body.resumedAt ? new Date(body.resumedAt) : now;
      if (resumedAt.getTime() > now.getTime()) throw ProblemError.validation([{ field: 'resumedAt', message: 'must not be in the future', code: 'in_future' }]);
      if (resumedAt.getTime() < open.pausedAt.getTime())
        throw ProblemError.validation([
          { field: 'resumedAt', message: `must not be before the pause began (${open.pausedAt.toISOString()})`, code: 'before_paused' },
        ]);
      const ended = await this.pauses.end(tx, open.id, resumedAt);
      await this.events.resumed(tx, meta, c, { ...ended, resumedAt });
      return toCasePauseView(ended);
    });
  }
}
