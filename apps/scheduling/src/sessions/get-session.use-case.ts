import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { inContractScope, type RpcMeta, type CaseSessionView } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { SessionRepository } from './session.repository';
import { toSessionView } from './session.view';

@Injectable()
export class GetSessionUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly sessions: SessionRepository,
  ) {}

  execute(meta: RpcMeta, sessionId: string): Promise<CaseSessionView> {
    return this.db.forTenant(meta, async (tx) => {
      const row = await this.sessions.find(tx, meta.organisationId, sessionId);
      if (!row || !inContractScope(meta, row.contractId)) throw ProblemError.notFound('session', sessionId);
      return toSessionView(row);
    });
  }
}
