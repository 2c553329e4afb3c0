import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { EventData, EventEnvelope, SurveyIssuedV2 } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailRequests } from '../deliveries/email-requests';
import { SURVEY_INVITATION, surveyEmail } from './survey-email.template';

/** Queues the survey invitation to the party it was issued to; the link is asked of casework only when sending. */
@Injectable()
export class EmailSurveyLinkUseCase {
  constructor(private readonly emails: EmailRequests) {}

  execute(tx: NotifyTx, event: EventEnvelope<EventData<typeof SurveyIssuedV2>>, context: HandlerContext): Promise<void> {
    const survey = event.data;
    return this.emails.requestOnce(
      tx,
      event,
      {
        kind: SURVEY_INVITATION,
        toAddress: survey.recipient.email,
        ...surveyEmail(survey),
        referralId: null,
        caseId: survey.caseId,
        link: { kind: 'survey-link', surveyId: survey.surveyId },
      },
      context,
    );
  }
}
