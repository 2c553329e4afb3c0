import { Injectable } from '@nestjs/common';
import { calendarFor } from '@mediation/calendar';
import { ContractBook } from '@mediation/contract-book';
import { Clock, ProblemError } from '@mediation/platform';
import { complaintsPolicyOf, ComplaintAcknowledgedV1, type ComplaintView, type RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseRecordEvents } from '../cases/case-record-events';
import type { CaseRecord } from '../cases/case.repository';
import { CaseworkDatabase, type CaseworkTx } from '../database/casework.database';
import { assertStepDate } from './complaint-dates';
import { respondByAfterAcknowledgement, wasLate } from './complaint-due-dates';
import { ComplaintRepository } from './complaint.repository';
import { toComplaintView } from './complaint.view';

@Injectable()
export class AcknowledgeComplaintUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly recordEvents: CaseRecordEvents,
    private readonly book: ContractBook,
    private readonly complaints: ComplaintRepository,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, caseId: string, complaintId: string, acknowledgedAt: string): Promise<ComplaintView> {
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      const found = await this.complaints.findById(tx, c.id, complaintId);
      if (!found) throw ProblemError.notFound('complaint on this case', complaintId);
      if (found.status !== 'received') throw ProblemError.conflict(`The complaint is already ${found.status}.`);
      const at = new Date(acknowledgedAt);
      assertStepDate('acknowledgedAt', at, { label: 'received', at: found.receivedAt }, this.clock.now());
      // A response counted from the acknowledgement runs from the day it actually was, early or late.
      const respondBy = found.respondFrom === 'acknowledged' ? await this.respondByFrom(tx, c, at) : found.respondBy;
      const row = await this.complaints.update(tx, found.id, { status: 'acknowledged', acknowledgedAt: at, respondBy });
      const late = wasLate(at, row.acknowledgeBy);
      await this.recordEvents.append(tx, meta, c, ComplaintAcknowledgedV1, {
        complaintId: row.id,
        receivedAt: row.receivedAt.toISOString(),
        acknowledgedAt: at.toISOString(),
        ...(late === null ? {} : { acknowledgedLate: late }),
        ...(row.respondBy ? { respondBy: row.respondBy.toISOString() } : {}),
      });
      return toComplaintView(row, this.clock.now());
    });
  }

  private async respondByFrom(tx: CaseworkTx, c: CaseRecord, acknowledgedAt: Date): Promise<Date> {
    const line = await this.book.caseLine(tx, c);
    return respondByAfterAcknowledgement(complaintsPolicyOf(line), calendarFor(line.closureDays), acknowledgedAt);
  }
}
