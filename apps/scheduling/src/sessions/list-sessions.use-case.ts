import { Injectable } from '@nestjs/common';
import type { RpcMeta, SessionList, SessionsQuery } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { SessionRepository } from './session.repository';
import { toSessionView } from './session.view';

/** A calendar: sessions across cases starting in a range, of one member of staff or one venue when asked. */
@Injectable()
export class ListSessionsUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly sessions: SessionRepository,
  ) {}

  execute(meta: RpcMeta, query: SessionsQuery): Promise<SessionList> {
    const range = { from: new Date(query.from), to: new Date(query.to), staffId: query.staffId, venueId: query.venueId };
    return this.db.forTenant(meta, async (tx) => ({ items: (await this.sessions.listStarting(tx, meta.organisationId, range)).map(toSessionView) }));
  }
}
