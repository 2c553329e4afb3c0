import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { ReferralReceivedV2, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { AcknowledgeReferralUseCase } from './acknowledge-referral.use-case';

@Injectable()
@EventConsumer()
export class ReferralReceivedHandler implements EventHandler<typeof ReferralReceivedV2, NotifyTx> {
  readonly consumes = ReferralReceivedV2;

  constructor(private readonly acknowledgeReferral: AcknowledgeReferralUseCase) {}

  handle(event: EventEnvelope<EventData<typeof ReferralReceivedV2>>, tx: NotifyTx, context: HandlerContext): Promise<void> {
    return this.acknowledgeReferral.execute(tx, event, context);
  }
}
