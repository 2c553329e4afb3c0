import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { MultiAgencyUpdatedV1, type MultiAgencyView, type RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseRecordEvents } from '../cases/case-record-events';
import { CaseworkDatabase } from '../database/casework.database';
import { MultiAgencyRepository } from './multi-agency.repository';
import { toMultiAgencyView } from './multi-agency.view';

@Injectable()
export class EndMultiAgencyUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly recordEvents: CaseRecordEvents,
    private readonly involvements: MultiAgencyRepository,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, caseId: string, involvementId: string, to: string): Promise<MultiAgencyView> {
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      const found = await this.involvements.findById(tx, c.id, involvementId);
      if (!found) throw ProblemError.notFound('multi-agency involvement on this case', involvementId);
      if (found.toDate) throw ProblemError.conflict(`The involvement already ended on ${found.toDate.toISOString().slice(0, 10)}.`);
      const toDate = new Date(`${to}T00:00:00Z`);
      if (toDate < found.fromDate) throw ProblemError.validation([{ field: 'to', message: 'must not be before the day it began', code: 'before_from' }]);
      const row = await this.involvements.end(tx, found.id, toDate);
      await this.recordEvents.append(tx, meta, c, MultiAgencyUpdatedV1, {
        involvementId: row.id,
        from: row.fromDate.toISOString().slice(0, 10),
        to,
        updatedAt: this.clock.now().toISOString(),
      });
      return toMultiAgencyView(row);
    });
  }
}
