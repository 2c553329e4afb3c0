import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { CaseOpenedV2, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { IntakeTx } from '../database/intake.database';
import { caseOpenedFacts, LinkCaseUseCase } from './link-case.use-case';

@Injectable()
@EventConsumer()
export class CaseOpenedHandler implements EventHandler<typeof CaseOpenedV2, IntakeTx> {
  readonly consumes = CaseOpenedV2;

  constructor(private readonly linkCase: LinkCaseUseCase) {}

  handle(event: EventEnvelope<EventData<typeof CaseOpenedV2>>, tx: IntakeTx): Promise<void> {
    return this.linkCase.execute(tx, caseOpenedFacts(event));
  }
}
