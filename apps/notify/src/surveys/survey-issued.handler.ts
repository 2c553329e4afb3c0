import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { SurveyIssuedV2, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailSurveyLinkUseCase } from './email-survey-link.use-case';

@Injectable()
@EventConsumer()
export class SurveyIssuedHandler implements EventHandler<typeof SurveyIssuedV2, NotifyTx> {
  readonly consumes = SurveyIssuedV2;

  constructor(private readonly emailSurveyLink: EmailSurveyLinkUseCase) {}

  handle(event: EventEnvelope<EventData<typeof SurveyIssuedV2>>, tx: NotifyTx, context: HandlerContext): Promise<void> {
    return this.emailSurveyLink.execute(tx, event, context);
  }
}
