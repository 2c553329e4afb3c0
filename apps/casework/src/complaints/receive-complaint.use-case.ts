import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { ComplaintReceivedV1, uuidv7, type ComplaintView, type ReceiveComplaintBody, type RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseRecordEvents } from '../cases/case-record-events';
import { CaseworkDatabase } from '../database/casework.database';
import { PartyRepository } from '../parties/party.repository';
import { ComplaintRepository } from './complaint.repository';
import { toComplaintView } from './complaint.view';

/**
 * Complaints follow the buyer's process (housing spec §8.6: resolved with the Council officer under the
 * Council's complaints process; §10.3-10.4: reviewed monthly, records kept). No seed sets a number of
 * days to acknowledge, so the dates are recorded and the provider's own standard applies.
 */
@Injectable()
export class ReceiveComplaintUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly recordEvents: CaseRecordEvents,
    private readonly parties: PartyRepository,
    private readonly complaints: ComplaintRepository,
    private readonly clock: Clock,
  ) {}

  async execute(meta: RpcMeta, caseId: string, body: ReceiveComplaintBody): Promise<ComplaintView> {
    if (new Date(body.receivedAt).getTime() > this.clock.now().getTime()) throw ProblemError.validation([{ field: 'receivedAt', message: 'must not be in the future', code: 'in_future' }]);
    return this.db.run(
      async (tx) => {
        const c = await this.finder.lockForChange(tx, meta, caseId);
        if (body.partyId && !(await this.parties.findById(tx, c.id, body.partyId))) throw ProblemError.validation([{ field: 'partyId', message: 'is not a party of this case', code: 'unknown_party' }]);
        const row = await this.complaints.create(tx, {
          id: uuidv7(),
          organisationId: c.organisationId,
          caseId: c.id,
          status: 'received',
          complainant: body.complainant,
          partyId: body.partyId ?? null,
          summary: body.summary,
          receivedAt: new Date(body.receivedAt),
          acknowledgedAt: null,
          resolvedAt: null,
          finding: null,
          resolution: null,
          recordedBy: meta.actorId,
        });
        await this.recordEvents.append(tx, meta, c, ComplaintReceivedV1, { complaintId: row.id, byParty: row.partyId !== null, receivedAt: row.receivedAt.toISOString() });
        return toComplaintView(row);
      },
      { organisationId: meta.organisationId },
    );
  }
}
