import { dataEncryptionKeysVariable, loadServiceConfig } from '@mediation/platform';
import { z } from 'zod';

/** Where the public API is reached from outside (survey links point at it); production must say. */
const publicUrl = process.env.NODE_ENV === 'production' ? z.url({ error: 'is required in production' }) : z.url().default('http://127.0.0.1:3000');

export const loadCaseworkConfig = () =>
  loadServiceConfig(3002, {
    DATA_ENCRYPTION_KEYS: dataEncryptionKeysVariable(),
    PUBLIC_URL: publicUrl,
    /** Days a survey link works for. */
    SURVEY_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** The provider's name on case reports (casework does not hold the organisation's name). */
    REPORT_PROVIDER_NAME: z.string().trim().min(1).max(200).default('Mediation Service'),
  });
export type CaseworkConfig = ReturnType<typeof loadCaseworkConfig>;
