import { dataEncryptionKeysVariable, loadServiceConfig } from '@mediation/platform';
import { z } from 'zod';

export const loadIntakeConfig = () =>
  loadServiceConfig(3001, {
    DATA_ENCRYPTION_KEYS: dataEncryptionKeysVariable(),
    /** How long a contract read to judge a referral is reused (0 turns it off); other replicas' edits show within it. */
    CONTRACT_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
    /** How often the answer-sealing job looks for rows to seal or re-encrypt after a key rotation. */
    ANSWER_SEALING_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .default(60 * 60 * 1000),
    /** How often retention looks for referrals past their retention period (daily by default). */
    RETENTION_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .default(24 * 60 * 60 * 1000),
  });
export type IntakeConfig = ReturnType<typeof loadIntakeConfig>;
