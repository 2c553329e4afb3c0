import { Injectable } from '@nestjs/common';
import { CaseTimelineViewSchema, type CaseTimelineView, type RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseworkDatabase } from '../database/casework.database';
import { CaseTimeline } from './case-timeline';

@Injectable()
export class GetCaseTimelineUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly timeline: CaseTimeline,
  ) {}

  execute(meta: RpcMeta, caseId: string): Promise<CaseTimelineView> {
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.read(tx, meta, caseId);
      return CaseTimelineViewSchema.parse({ caseId: c.id, entries: await this.timeline.build(tx, c) });
    });
  }
}
