import { Injectable } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { Clock, ProblemError } from '@mediation/platform';
import type { MilestoneView, RecordMilestoneBody, RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { assertOccurredWithinCase } from '../cases/occurred-at.rule';
import { CaseRepository } from '../cases/case.repository';
import { CaseworkDatabase } from '../database/casework.database';
import { manualMilestonesOf } from './manual-milestones';
import { MilestoneRecorder } from './milestone-recorder';
import { toMilestoneView } from './milestone.view';

@Injectable()
export class RecordMilestoneUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly cases: CaseRepository,
    private readonly book: ContractBook,
    private readonly recorder: MilestoneRecorder,
    private readonly clock: Clock,
  ) {}

  async execute(meta: RpcMeta, caseId: string, body: RecordMilestoneBody): Promise<MilestoneView> {
    const occurredAt = new Date(body.occurredAt);
    if (occurredAt.getTime() > this.clock.now().getTime())
      throw ProblemError.validation([{ field: 'occurredAt', message: 'must not be in the future', code: 'in_future' }]);
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      const line = await this.book.caseLine(tx, c);
      assertOccurredWithinCase(c, line, occurredAt, this.clock.now());
      const allowed = manualMilestonesOf(line);
      if (!allowed.includes(body.milestone)) {
        throw ProblemError.validation([
          {
            field: 'milestone',
            message: `"${body.milestone}" is not a milestone this service line's clocks use that is recorded by hand; allowed: ${allowed.join(', ') || 'none'}`,
            code: 'unknown_milestone',
          },
        ]);
      }
      const updated = await this.cases.update(tx, c, {});
      return toMilestoneView(
        await this.recorder.record(tx, updated, { milestone: body.milestone, occurredAt, source: `manual:${meta.actorId}`.slice(0, 200) }, meta.correlationId),
      );
    });
  }
}
