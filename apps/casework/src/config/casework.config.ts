import { dataEncryptionKeysVariable, loadServiceConfig } from '@mediation/platform';
import { z } from 'zod';

/** Where the public API is reached from outside (survey links point at it); production must say. */
const publicUrl = process.env.NODE_ENV === 'production' ? z.url({ error: 'is required in production' }) : z.url().default('http://127.0.0.1:3000');

/** HMAC key that derives each survey link's token from its invitation id, so no token is ever stored or sent on an event. */
const surveyTokenKey =
  process.env.NODE_ENV === 'production'
    ? z.string({ error: 'is required in production' }).min(32, 'must be at least 32 characters')
    : z.string().min(32, 'must be at least 32 characters').default('development-survey-token-key-not-a-secret');

export const loadCaseworkConfig = () =>
  loadServiceConfig(3002, {
    DATA_ENCRYPTION_KEYS: dataEncryptionKeysVariable(),
    /** Between passes of the job that re-seals sensitive notes and access needs under the current key. */
    RESEALING_INTERVAL_MS: z.coerce.number().int().min(1000).default(60 * 60 * 1000),
    PUBLIC_URL: publicUrl,
    /** Days a survey link works for. */
    SURVEY_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    SURVEY_TOKEN_KEY: surveyTokenKey,
    /** The provider's name on case reports (casework does not hold the organisation's name). */
    REPORT_PROVIDER_NAME: z.string().trim().min(1).max(200).default('Mediation Service'),
  });
export type CaseworkConfig = ReturnType<typeof loadCaseworkConfig>;
