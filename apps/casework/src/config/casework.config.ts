import { dataEncryptionKeysVariable, loadConfig, loadServiceConfig } from '@mediation/platform';
import { z } from 'zod';

/** Where the public API is reached from outside (survey links point at it); production must say. */
const publicUrl = process.env.NODE_ENV === 'production' ? z.url({ error: 'is required in production' }) : z.url().default('http://127.0.0.1:3000');

/** A fixed development key, so local links survive restarts; production must set its own. */
export const DEV_SURVEY_TOKEN_KEY = 'development-survey-token-key-not-a-secret';

const MIN_SURVEY_TOKEN_KEY_LENGTH = 32;
const blankIsUnset = z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), z.string().optional());

/**
 * The HMAC keys that derive each survey link's token from its invitation id, newest first: `SURVEY_TOKEN_KEYS`
 * (comma-separated) or `SURVEY_TOKEN_KEY` (one key, the older name), exactly one of them. The first derives new
 * tokens; the others stay so invitations issued before a rotation can still be sent.
 */
export function surveyTokenKeysVariables(env: NodeJS.ProcessEnv = process.env) {
  return z
    .object({ SURVEY_TOKEN_KEYS: blankIsUnset, SURVEY_TOKEN_KEY: blankIsUnset })
    .transform(({ SURVEY_TOKEN_KEYS: list, SURVEY_TOKEN_KEY: single }, ctx): string[] => {
      const refuse = (variable: string, message: string) => {
        ctx.addIssue({ code: 'custom', path: [variable], message });
        return z.NEVER;
      };
      if (list !== undefined && single !== undefined)
        return refuse('SURVEY_TOKEN_KEY', 'set SURVEY_TOKEN_KEYS or its one-key alias SURVEY_TOKEN_KEY, not both');
      if (list === undefined && single === undefined) {
        if (env.NODE_ENV === 'production')
          return refuse(
            'SURVEY_TOKEN_KEYS',
            `is required in production (comma-separated secrets of at least ${MIN_SURVEY_TOKEN_KEY_LENGTH} characters, newest first)`,
          );
        return [DEV_SURVEY_TOKEN_KEY];
      }
      // The alias is one key as it was always read, commas and all.
      const [variable, keys] = list !== undefined ? ['SURVEY_TOKEN_KEYS', list.split(',').map((key) => key.trim())] : ['SURVEY_TOKEN_KEY', [single!]];
      for (const [index, key] of keys.entries()) {
        const which = keys.length > 1 ? `key ${index + 1}` : 'the key';
        if (key.length < MIN_SURVEY_TOKEN_KEY_LENGTH)
          return refuse(variable, `${which} must be at least ${MIN_SURVEY_TOKEN_KEY_LENGTH} characters (it has ${key.length})`);
        if (keys.indexOf(key) !== index) return refuse(variable, `key ${index + 1} repeats key ${keys.indexOf(key) + 1}`);
      }
      return keys;
    });
}

export const loadCaseworkConfig = () => ({
  ...loadServiceConfig(3002, {
    DATA_ENCRYPTION_KEYS: dataEncryptionKeysVariable(),
    /** Between passes of the job that re-seals sensitive notes and access needs under the current key. */
    RESEALING_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .default(60 * 60 * 1000),
    PUBLIC_URL: publicUrl,
    /** Days a survey link works for. */
    SURVEY_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  }),
  SURVEY_TOKEN_KEYS: loadConfig(surveyTokenKeysVariables(), process.env),
});
export type CaseworkConfig = ReturnType<typeof loadCaseworkConfig>;
