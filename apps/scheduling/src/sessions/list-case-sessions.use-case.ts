import { Injectable } from '@nestjs/common';
import type { RpcMeta } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { SessionRepository } from './session.repository';
import { toSessionView } from './session.view';

@Injectable()
export class ListCaseSessionsUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly sessions: SessionRepository,
  ) {}

  execute(meta: RpcMeta, caseId: string) {
    return this.db.forTenant(meta, async (tx) => ({ items: (await this.sessions.listForCase(tx, meta.organisationId, caseId)).map(toSessionView) }));
  }
}
