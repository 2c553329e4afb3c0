import { z } from 'zod';
import { KeyRingError, parseKeyRing } from './key-ring';

/** A fixed development key, so local data survives restarts; production must set its own. */
export const DEV_DATA_ENCRYPTION_KEYS = `dev:${Buffer.from('mediation-dev-data-key-32-bytes!').toString('base64')}`;

/**
 * The `DATA_ENCRYPTION_KEYS` variable for a service's config shape: required in production,
 * a development default elsewhere, and refused at boot naming the bad key.
 */
export function dataEncryptionKeysVariable(env: NodeJS.ProcessEnv = process.env) {
  const base = z.string({ error: 'is required (comma-separated "<keyId>:<base64 32 bytes>", current key first)' });
  const field = env.NODE_ENV === 'production' ? base : base.default(DEV_DATA_ENCRYPTION_KEYS);
  return field.superRefine((value, ctx) => {
    try {
      parseKeyRing(value);
    } catch (error) {
      if (!(error instanceof KeyRingError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
    }
  });
}
