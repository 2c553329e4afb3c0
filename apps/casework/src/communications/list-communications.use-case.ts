import { Injectable } from '@nestjs/common';
import type { RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseworkDatabase } from '../database/casework.database';
import { CommunicationRepository } from './communication.repository';
import { toCommunicationView } from './communication.view';

@Injectable()
export class ListCommunicationsUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly log: CommunicationRepository,
  ) {}

  execute(meta: RpcMeta, caseId: string) {
    return this.db.forTenant(meta, async (tx) => ({
      items: (await this.log.listForCase(tx, (await this.finder.read(tx, meta, caseId)).id)).map(toCommunicationView),
    }));
  }
}
