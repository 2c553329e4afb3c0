export const SURVEYS_OPTIONS = Symbol('SURVEYS_OPTIONS');

export interface SurveysOptions {
  /** The public API's base URL; links are `<publicUrl>/v1/surveys/<token>`. */
  publicUrl: string;
  /** Days a link works for. */
  ttlDays: number;
  /** `SURVEY_TOKEN_KEY`: the HMAC key a link's token is derived with from its invitation id. */
  tokenKey: string;
}
