import { londonDateTime } from '@mediation/documents';
import type { EventData, SurveyIssuedV2 } from '@mediation/protocol';
import { LINK_PLACEHOLDER } from '../deliveries/delivery.repository';
import { oneLine } from '../mail/mail-text';

export const SURVEY_INVITATION = 'survey-invitation';

/** The invitation to the satisfaction survey: short, with the link (put in when sending) and when it stops working. */
export function surveyEmail(survey: EventData<typeof SurveyIssuedV2>): { subjectLine: string; body: string } {
  const lines = [
    `Dear ${oneLine(survey.recipient.name)},`,
    '',
    'Your case with our mediation service has now closed. We would be grateful for a few minutes of your time to tell us how it went: your answers help us improve the service, and they are confidential.',
    '',
    `Answer the survey here: ${LINK_PLACEHOLDER}`,
    '',
    `The link is personal to you and works until ${londonDateTime(survey.expiresAt)} (UK time). Please do not forward it.`,
  ];
  return { subjectLine: `How did we do? Your views on case ${oneLine(survey.reference)}`, body: lines.join('\n') };
}
