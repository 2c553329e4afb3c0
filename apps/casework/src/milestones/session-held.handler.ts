import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { SessionHeldV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { RecordHeldSessionUseCase } from './record-held-session.use-case';

/** Scheduling held a session: its milestone (e.g. `mediation.held`) becomes one of the case's. */
@Injectable()
@EventConsumer()
export class SessionHeldHandler implements EventHandler<typeof SessionHeldV1, CaseworkTx> {
  readonly consumes = SessionHeldV1;

  constructor(private readonly recordHeldSession: RecordHeldSessionUseCase) {}

  handle(event: EventEnvelope<EventData<typeof SessionHeldV1>>, tx: CaseworkTx): Promise<void> {
    return this.recordHeldSession.execute(tx, event);
  }
}
