import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import type { PartyView, RpcMeta, UpdatePartyBody } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseworkDatabase } from '../database/casework.database';
import { PartyRepository } from './party.repository';
import { toPartyView } from './party.view';

@Injectable()
export class UpdatePartyUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly parties: PartyRepository,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, caseId: string, partyId: string, changes: UpdatePartyBody): Promise<PartyView> {
    return this.db.run(
      async (tx) => {
        const c = await this.finder.read(tx, meta, caseId);
        if (!(await this.parties.findById(tx, c.id, partyId))) throw ProblemError.notFound('party on this case', partyId);
        return toPartyView(await this.parties.update(tx, partyId, changes, this.clock.now()));
      },
      { organisationId: meta.organisationId },
    );
  }
}
