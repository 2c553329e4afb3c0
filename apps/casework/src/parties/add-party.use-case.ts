import { Injectable } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import { PartyAddedV1, uuidv7, type AddPartyBody, type PartyView, type RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseRecordEvents } from '../cases/case-record-events';
import { CaseworkDatabase } from '../database/casework.database';
import { PartyRepository } from './party.repository';
import { toPartyView } from './party.view';

@Injectable()
export class AddPartyUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly recordEvents: CaseRecordEvents,
    private readonly parties: PartyRepository,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, caseId: string, body: AddPartyBody): Promise<PartyView> {
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      const row = await this.parties.create(tx, { id: uuidv7(), organisationId: c.organisationId, caseId: c.id, source: 'manual', at: this.clock.now() }, body);
      await this.recordEvents.append(tx, meta, c, PartyAddedV1, { partyId: row.id, role: row.role, addedAt: row.createdAt.toISOString() });
      return toPartyView(row);
    });
  }
}
