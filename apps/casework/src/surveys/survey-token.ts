import { createHash, createHmac } from 'node:crypto';

/**
 * The token of an invitation's link: HMAC-SHA256 of its id under the newest of `SURVEY_TOKEN_KEYS`, base64url (43 characters, 256 bits).
 * Derived rather than random, so it can be made again when the email is sent and never has to be stored or put on an event.
 */
export function surveyToken(key: string, surveyId: string): string {
  return createHmac('sha256', key).update(`survey-link:${surveyId}`, 'utf8').digest('base64url');
}

/**
 * The token an invitation was issued with: made again under each key, newest first, and kept when its hash is the stored one,
 * so an invitation issued before a key rotation can still be sent while its key is listed. Undefined when no key makes it.
 */
export function issuedSurveyToken(keys: readonly string[], surveyId: string, storedSha256: string): string | undefined {
  for (const key of keys) {
    const token = surveyToken(key, surveyId);
    if (surveyTokenHash(token) === storedSha256) return token;
  }
  return undefined;
}

/** Only this is stored: a database leak does not hand out working links. */
export function surveyTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function surveyLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/v1/surveys/${token}`;
}
