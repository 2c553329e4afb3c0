import { Injectable } from '@nestjs/common';
import type { RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseworkDatabase } from '../database/casework.database';
import { MilestoneRepository } from './milestone.repository';
import { toMilestoneView } from './milestone.view';

@Injectable()
export class ListMilestonesUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly milestones: MilestoneRepository,
  ) {}

  execute(meta: RpcMeta, caseId: string) {
    return this.db.forTenant(meta, async (tx) => ({
      items: (await this.milestones.listForCase(tx, (await this.finder.read(tx, meta, caseId)).id)).map(toMilestoneView),
    }));
  }
}
