import { Injectable } from '@nestjs/common';
import type { RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseworkDatabase } from '../database/casework.database';
import { PartyRepository } from './party.repository';
import { toPartyView } from './party.view';

/** With `includeSensitive`, access needs are opened: the gateway audits that read before asking. */
@Injectable()
export class ListPartiesUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly parties: PartyRepository,
  ) {}

  execute(meta: RpcMeta, caseId: string, includeSensitive: boolean) {
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.read(tx, meta, caseId);
      const rows = await this.parties.listForCase(tx, c.id);
      return { items: rows.map((row) => toPartyView(row, includeSensitive ? this.parties.accessibilityNeeds(row) : undefined)) };
    });
  }
}
