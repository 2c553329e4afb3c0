import { ConfigError, loadServiceConfig } from '@mediation/platform';
import { z } from 'zod';

/** Outside production only: evaluator pseudonyms made with it are not secret, so a real deployment must set its own. */
const DEV_PSEUDONYM_KEY = 'development-only-evaluator-pseudonym-key';

export const loadReportingConfig = () => {
  const config = loadServiceConfig(3006, {
    /** The HMAC key of evaluator pseudonyms: whoever holds it can link a pseudonym to its case, so it never leaves the service. */
    EVALUATOR_PSEUDONYM_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  });
  if (!config.EVALUATOR_PSEUDONYM_KEY && config.NODE_ENV === 'production') throw new ConfigError(['EVALUATOR_PSEUDONYM_KEY: is required in production']);
  return { ...config, EVALUATOR_PSEUDONYM_KEY: config.EVALUATOR_PSEUDONYM_KEY ?? DEV_PSEUDONYM_KEY };
};
export type ReportingConfig = ReturnType<typeof loadReportingConfig>;
