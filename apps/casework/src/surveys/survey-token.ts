import { createHash, createHmac } from 'node:crypto';

/**
 * The token of an invitation's link: HMAC-SHA256 of its id under `SURVEY_TOKEN_KEY`, base64url (43 characters, 256 bits).
 * Derived rather than random, so it can be made again when the email is sent and never has to be stored or put on an event.
 */
export function surveyToken(key: string, surveyId: string): string {
  return createHmac('sha256', key).update(`survey-link:${surveyId}`, 'utf8').digest('base64url');
}

/** Only this is stored: a database leak does not hand out working links. */
export function surveyTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function surveyLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/v1/surveys/${token}`;
}
