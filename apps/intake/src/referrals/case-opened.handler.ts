import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { CaseOpenedV2, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { IntakeTx } from '../database/intake.database';
import { caseOpenedFacts, LinkCaseUseCase } from './link-case.use-case';
import { caseLock } from './referral.repository';

@Injectable()
@EventConsumer()
export class CaseOpenedHandler implements EventHandler<typeof CaseOpenedV2, IntakeTx> {
  readonly consumes = CaseOpenedV2;

  constructor(private readonly linkCase: LinkCaseUseCase) {}

  /** Linking takes the case's lock first: taken by the inbox claim, it costs no statement of its own. */
  locks(event: EventEnvelope<EventData<typeof CaseOpenedV2>>): string[] {
    return [caseLock(event.data.caseId)];
  }

  handle(event: EventEnvelope<EventData<typeof CaseOpenedV2>>, tx: IntakeTx): Promise<void> {
    return this.linkCase.execute(tx, caseOpenedFacts(event));
  }
}
