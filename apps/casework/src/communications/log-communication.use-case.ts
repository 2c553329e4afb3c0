import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { CommunicationLoggedV1, uuidv7, type CommunicationView, type LogCommunicationBody, type RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseRecordEvents } from '../cases/case-record-events';
import { CaseworkDatabase } from '../database/casework.database';
import { PartyRepository } from '../parties/party.repository';
import { CommunicationRepository } from './communication.repository';
import { toCommunicationView } from './communication.view';

/** A call, letter, email or SMS logged by hand (housing spec §10.1: an audit log of all communications). */
@Injectable()
export class LogCommunicationUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly recordEvents: CaseRecordEvents,
    private readonly parties: PartyRepository,
    private readonly log: CommunicationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(meta: RpcMeta, caseId: string, body: LogCommunicationBody): Promise<CommunicationView> {
    const now = this.clock.now();
    if (new Date(body.occurredAt).getTime() > now.getTime())
      throw ProblemError.validation([{ field: 'occurredAt', message: 'must not be in the future', code: 'in_future' }]);
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      if (body.partyId && !(await this.parties.findById(tx, c.id, body.partyId)))
        throw ProblemError.validation([{ field: 'partyId', message: 'is not a party of this case', code: 'unknown_party' }]);
      const row = await this.log.append(tx, {
        id: uuidv7(),
        organisationId: c.organisationId,
        caseId: c.id,
        direction: body.direction,
        channel: body.channel,
        counterpart: body.counterpart,
        partyId: body.partyId ?? null,
        subject: body.subject ?? null,
        summary: body.summary ?? null,
        occurredAt: new Date(body.occurredAt),
        source: 'manual',
        deliveryId: null,
        recordedBy: meta.actorId,
        recordedAt: now,
      });
      await this.recordEvents.append(tx, meta, c, CommunicationLoggedV1, {
        communicationId: row.id,
        direction: body.direction,
        channel: body.channel,
        withParty: row.partyId !== null,
        occurredAt: row.occurredAt.toISOString(),
        loggedAt: now.toISOString(),
      });
      return toCommunicationView(row);
    });
  }
}
