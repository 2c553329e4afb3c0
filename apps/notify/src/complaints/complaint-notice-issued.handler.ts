import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { ComplaintReferrerNoticeIssuedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailComplaintNoticeUseCase } from './email-complaint-notice.use-case';

@Injectable()
@EventConsumer()
export class ComplaintNoticeIssuedHandler implements EventHandler<typeof ComplaintReferrerNoticeIssuedV1, NotifyTx> {
  readonly consumes = ComplaintReferrerNoticeIssuedV1;

  constructor(private readonly emailNotice: EmailComplaintNoticeUseCase) {}

  handle(event: EventEnvelope<EventData<typeof ComplaintReferrerNoticeIssuedV1>>, tx: NotifyTx, context: HandlerContext): Promise<void> {
    return this.emailNotice.execute(tx, event, context);
  }
}
