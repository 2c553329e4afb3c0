import { Injectable } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import type { RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseworkDatabase } from '../database/casework.database';
import { ComplaintRepository } from './complaint.repository';
import { toComplaintView } from './complaint.view';

@Injectable()
export class ListComplaintsUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly complaints: ComplaintRepository,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, caseId: string) {
    const now = this.clock.now();
    return this.db.forTenant(meta, async (tx) => ({
      items: (await this.complaints.listForCase(tx, (await this.finder.read(tx, meta, caseId)).id)).map((row) => toComplaintView(row, now)),
    }));
  }
}
