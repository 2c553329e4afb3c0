import { loadServiceConfig, RedisEnvSchema } from '@mediation/platform';
import { z } from 'zod';

/** Milliseconds, comma-separated. */
const delays = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'must be milliseconds, comma-separated')
  .transform((text) => text.split(',').map(Number));

/**
 * The Standard Webhooks retry schedule after the first attempt (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), stretched with
 * two more so a partner's outage of up to about three days loses nothing.
 */
const SPEC_RETRY_DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000, 86_400_000, 72_000_000];

export const loadWebhooksConfig = (production = process.env.NODE_ENV === 'production') =>
  loadServiceConfig(3008, {
    ...RedisEnvSchema.shape,
    /**
     * Development only: endpoints on this machine (http://localhost, 127.0.0.1, ::1) are allowed, over plain
     * http too, e.g. a receiver a test starts. Never in production: a partner could make the platform call its own ports.
     */
    WEBHOOKS_ALLOW_HTTP_LOCALHOST: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .default('false')
      .transform((value) => value === 'true')
      .refine((allowed) => !(allowed && production), 'must not be true in production'),
    /** Waits between attempts; each gets ±20% jitter. Tests set short ones. */
    WEBHOOKS_RETRY_DELAYS_MS: delays.default(SPEC_RETRY_DELAYS_MS),
    /** One attempt's limit: an endpoint that has not answered by then has failed this attempt. */
    WEBHOOKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
    /** An endpoint whose deliveries have all failed for this long is disabled and its organisation's admins told. */
    WEBHOOKS_DISABLE_AFTER_MS: z.coerce
      .number()
      .int()
      .min(1_000)
      .default(5 * 24 * 3600 * 1000),
    /** Attempts this process sends at once, over every endpoint. */
    WEBHOOKS_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(200),
    /** Attempts this process sends at once to one endpoint: a slow partner holds at most these, never the others' share. */
    WEBHOOKS_ENDPOINT_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
    /** Attempts this process starts per second to one endpoint, so a backlog (a replay, a recovery) does not flood a partner. */
    WEBHOOKS_ENDPOINT_RATE_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(50),
    /**
     * Days the stored public event log (the pull feed and replay) keeps an event after it happened; a daily job
     * (04:45 London) deletes older ones. A replay or a feed cursor cannot reach further back than this.
     */
    WEBHOOKS_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  });
export type WebhooksConfig = ReturnType<typeof loadWebhooksConfig>;
export const WEBHOOKS_CONFIG = Symbol('WEBHOOKS_CONFIG');
