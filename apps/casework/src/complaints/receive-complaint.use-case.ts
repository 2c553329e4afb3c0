import { Injectable } from '@nestjs/common';
import { calendarFor } from '@mediation/calendar';
import { ContractBook } from '@mediation/contract-book';
import { EventPublisher } from '@mediation/messaging';
import { Clock, ProblemError } from '@mediation/platform';
import {
  complaintsPolicyOf,
  ComplaintReceivedV1,
  ComplaintReferrerNoticeIssuedV1,
  uuidv7,
  type ComplaintView,
  type ReceiveComplaintBody,
  type RpcMeta,
} from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseRecordEvents } from '../cases/case-record-events';
import type { CaseRecord } from '../cases/case.repository';
import { CaseworkDatabase, type CaseworkTx } from '../database/casework.database';
import { PartyRepository } from '../parties/party.repository';
import { complaintDueDates, type ComplaintDueDates } from './complaint-due-dates';
import { ComplaintRepository, type ComplaintRecord } from './complaint.repository';
import { toComplaintView } from './complaint.view';

/**
 * Complaints follow the buyer's process (housing spec §8.6: resolved with the Council officer under the
 * Council's complaints process; §10.3-10.4: reviewed monthly, records kept): the line's complaints policy
 * sets when it is to be acknowledged and answered, and whether the referring officer is told.
 */
@Injectable()
export class ReceiveComplaintUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly recordEvents: CaseRecordEvents,
    private readonly book: ContractBook,
    private readonly events: EventPublisher,
    private readonly parties: PartyRepository,
    private readonly complaints: ComplaintRepository,
    private readonly clock: Clock,
  ) {}

  async execute(meta: RpcMeta, caseId: string, body: ReceiveComplaintBody): Promise<ComplaintView> {
    if (new Date(body.receivedAt).getTime() > this.clock.now().getTime())
      throw ProblemError.validation([{ field: 'receivedAt', message: 'must not be in the future', code: 'in_future' }]);
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      if (body.partyId && !(await this.parties.findById(tx, c.id, body.partyId)))
        throw ProblemError.validation([{ field: 'partyId', message: 'is not a party of this case', code: 'unknown_party' }]);
      const line = await this.book.caseLine(tx, c);
      const policy = complaintsPolicyOf(line);
      const receivedAt = new Date(body.receivedAt);
      const due = complaintDueDates(policy, calendarFor(line.closureDays), receivedAt);
      const row = await this.complaints.create(tx, {
        id: uuidv7(),
        organisationId: c.organisationId,
        caseId: c.id,
        status: 'received',
        complainant: body.complainant,
        partyId: body.partyId ?? null,
        summary: body.summary,
        receivedAt,
        acknowledgedAt: null,
        resolvedAt: null,
        finding: null,
        resolution: null,
        recordedBy: meta.actorId,
        acknowledgeBy: due.acknowledgeBy,
        respondBy: due.respondBy,
        respondFrom: due.respondFrom,
      });
      await this.recordEvents.append(tx, meta, c, ComplaintReceivedV1, {
        complaintId: row.id,
        byParty: row.partyId !== null,
        receivedAt: row.receivedAt.toISOString(),
        acknowledgeBy: due.acknowledgeBy.toISOString(),
        respondBy: due.respondBy.toISOString(),
      });
      if (policy.tellReferrer) await this.noticeToReferrer(tx, meta, c, row, due);
      return toComplaintView(row, this.clock.now());
    });
  }

  /** The referring officer is told a complaint was received and when it will be answered; without an address the provider tells them by hand. */
  private async noticeToReferrer(tx: CaseworkTx, meta: RpcMeta, c: CaseRecord, row: ComplaintRecord, due: ComplaintDueDates): Promise<void> {
    const referrer = c.referrer as { name?: string; email?: string } | null;
    if (!referrer?.email) return;
    await this.events.append(tx, {
      definition: ComplaintReferrerNoticeIssuedV1,
      data: {
        caseId: c.id,
        contractId: c.contractId,
        complaintId: row.id,
        reference: c.reference,
        recipient: { name: referrer.name ?? referrer.email, email: referrer.email },
        receivedAt: row.receivedAt.toISOString(),
        acknowledgeBy: due.acknowledgeBy.toISOString(),
        respondBy: due.respondBy.toISOString(),
        respondFrom: due.respondFrom,
      },
      // The notice is its own aggregate, once per complaint: the case's version sequence stays the case's.
      subject: row.id,
      organisationId: c.organisationId,
      contractId: c.contractId,
      sequence: 1,
      correlationId: meta.correlationId,
    });
  }
}
