export const SURVEYS_OPTIONS = Symbol('SURVEYS_OPTIONS');

export interface SurveysOptions {
  /** The public API's base URL; links are `<publicUrl>/v1/surveys/<token>`. */
  publicUrl: string;
  /** Days a link works for. */
  ttlDays: number;
  /** `SURVEY_TOKEN_KEYS`, newest first: the HMAC keys a link's token is derived with from its invitation id; the first derives new ones. */
  tokenKeys: readonly string[];
}
