import { loadServiceConfig } from '@mediation/platform';
import { z } from 'zod';

const production = process.env.NODE_ENV === 'production';

export const loadEvidenceConfig = () =>
  loadServiceConfig(3004, {
    /** Shared with the gateway: it signs the grants that forward uploads and downloads here. Whoever has it can read any file. */
    EVIDENCE_GRANT_KEY: production
      ? z.string({ error: 'is required in production' }).min(32, 'must be at least 32 characters')
      : z.string().min(32, 'must be at least 32 characters').default('development-evidence-grant-key-not-a-secret'),
    /** The largest file accepted, in bytes (100 MB by default: an hour of recorded noise); larger is a 413. */
    EVIDENCE_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1)
      .default(100 * 1024 * 1024),
    /** Where files are kept: a local directory (development, one machine) or an S3-compatible object store. */
    EVIDENCE_STORE: z.enum(['local', 's3']).default('local'),
    EVIDENCE_LOCAL_DIR: z.string().min(1).default('.data/evidence'),
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().default('eu-west-2'),
    S3_BUCKET: z.string().min(3).default('mediation-evidence'),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    /** Path-style addressing (`endpoint/bucket/key`), which MinIO, s3rver and most S3-compatible stores need. */
    S3_FORCE_PATH_STYLE: z
      .enum(['true', 'false'])
      .default('true')
      .transform((value) => value === 'true'),
  });
export type EvidenceConfig = ReturnType<typeof loadEvidenceConfig>;
export const EVIDENCE_CONFIG = Symbol('EVIDENCE_CONFIG');
