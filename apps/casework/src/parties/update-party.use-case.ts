import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { PartyUpdatedV1, type PartyView, type RpcMeta, type UpdatePartyBody } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseRecordEvents } from '../cases/case-record-events';
import { CaseworkDatabase } from '../database/casework.database';
import { PartyRepository } from './party.repository';
import { toPartyView } from './party.view';

@Injectable()
export class UpdatePartyUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly recordEvents: CaseRecordEvents,
    private readonly parties: PartyRepository,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, caseId: string, partyId: string, changes: UpdatePartyBody): Promise<PartyView> {
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      if (!(await this.parties.findById(tx, c.id, partyId))) throw ProblemError.notFound('party on this case', partyId);
      const row = await this.parties.update(tx, partyId, changes, this.clock.now());
      await this.recordEvents.append(tx, meta, c, PartyUpdatedV1, {
        partyId: row.id,
        role: row.role,
        changedFields: Object.keys(changes).sort(),
        updatedAt: row.updatedAt.toISOString(),
      });
      return toPartyView(row);
    });
  }
}
