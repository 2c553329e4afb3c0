import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters, 256 bits, unguessable. */
export function newSurveyToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this is stored: a database leak does not hand out working links. */
export function surveyTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function surveyLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/v1/surveys/${token}`;
}
