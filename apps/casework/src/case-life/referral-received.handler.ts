import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { ReferralReceivedV2, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { OpenCaseUseCase } from './open-case.use-case';

@Injectable()
@EventConsumer()
export class ReferralReceivedHandler implements EventHandler<typeof ReferralReceivedV2, CaseworkTx> {
  readonly consumes = ReferralReceivedV2;

  constructor(private readonly openCase: OpenCaseUseCase) {}

  handle(event: EventEnvelope<EventData<typeof ReferralReceivedV2>>, tx: CaseworkTx): Promise<void> {
    return this.openCase.execute(tx, event);
  }
}
