import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { ComplaintResolvedV1, type ComplaintView, type RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseRecordEvents } from '../cases/case-record-events';
import { CaseworkDatabase } from '../database/casework.database';
import { assertStepDate } from './complaint-dates';
import { ComplaintRepository } from './complaint.repository';
import { toComplaintView } from './complaint.view';

/** A complaint is acknowledged before it is resolved: the complainant is told it is being dealt with. */
@Injectable()
export class ResolveComplaintUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly recordEvents: CaseRecordEvents,
    private readonly complaints: ComplaintRepository,
    private readonly clock: Clock,
  ) {}

  execute(
    meta: RpcMeta,
    caseId: string,
    complaintId: string,
    body: { resolvedAt: string; finding: 'upheld' | 'partly-upheld' | 'not-upheld'; resolution: string },
  ): Promise<ComplaintView> {
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      const found = await this.complaints.findById(tx, c.id, complaintId);
      if (!found) throw ProblemError.notFound('complaint on this case', complaintId);
      if (found.status !== 'acknowledged')
        throw ProblemError.conflict(found.status === 'received' ? 'Acknowledge the complaint before resolving it.' : 'The complaint is already resolved.');
      const at = new Date(body.resolvedAt);
      assertStepDate('resolvedAt', at, { label: 'acknowledged', at: found.acknowledgedAt! }, this.clock.now());
      const row = await this.complaints.update(tx, found.id, { status: 'resolved', resolvedAt: at, finding: body.finding, resolution: body.resolution });
      await this.recordEvents.append(tx, meta, c, ComplaintResolvedV1, {
        complaintId: row.id,
        finding: body.finding,
        receivedAt: row.receivedAt.toISOString(),
        resolvedAt: at.toISOString(),
      });
      return toComplaintView(row, this.clock.now());
    });
  }
}
