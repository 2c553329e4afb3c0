import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { SurveyIssuedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailSurveyLinkUseCase } from './email-survey-link.use-case';

@Injectable()
@EventConsumer()
export class SurveyIssuedHandler implements EventHandler<typeof SurveyIssuedV1, NotifyTx> {
  readonly consumes = SurveyIssuedV1;

  constructor(private readonly emailSurveyLink: EmailSurveyLinkUseCase) {}

  handle(event: EventEnvelope<EventData<typeof SurveyIssuedV1>>, tx: NotifyTx, context: HandlerContext): Promise<void> {
    return this.emailSurveyLink.execute(tx, event, context);
  }
}
