import { z } from 'zod';

const isProduction = (env: Record<string, unknown>) => env.NODE_ENV === 'production';

/**
 * Development defaults point at the standard local ports; production must set each explicitly. The
 * database login is the application role itself, never the owner the migrations run as.
 */
const DEV_DEFAULTS: Record<string, string> = {
  DATABASE_URL: 'postgresql://mediation_app@127.0.0.1:5432/mediation',
  NATS_URL: 'nats://127.0.0.1:4222',
  REDIS_URL: 'redis://127.0.0.1:6379',
};

/** Fills development defaults, except in production where each must be set. */
export function withDevDefaults(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  if (isProduction(env)) return { ...env };
  const filled: Record<string, string | undefined> = { ...env };
  for (const [key, value] of Object.entries(DEV_DEFAULTS)) if (!filled[key]) filled[key] = value;
  return filled;
}

const url = (protocols: string[]) =>
  z.string({ error: 'is required' }).refine((value) => protocols.some((p) => value.startsWith(`${p}://`)), `must be a ${protocols.join(' or ')} URL`);

export const BaseEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: url(['postgresql', 'postgres']),
  NATS_URL: url(['nats']),
  /** Prefixes every subject and suffixes every stream, so test runs and environments never meet. */
  NATS_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9_]*$/, 'only lower-case letters, digits and _')
    .default(''),
  /** Copies JetStream keeps of the EVENTS and DLQ streams: 1 on one server, 3 on a three-node cluster (so one node can die). */
  NATS_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  /** How long a consumer lane waits for more events before handling a batch (each service has its own default: 0 on the referral's critical path). */
  CONSUMER_LINGER_MS: z.coerce.number().int().min(0).max(5_000).optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  /**
   * The hot path's statements (`leanSql`) as named prepared statements, parsed and planned once per connection; `false`
   * behind a pooler in transaction mode that cannot keep them (PgBouncer before 1.21, or without max_prepared_statements).
   */
  DATABASE_PREPARED_STATEMENTS: z.enum(['true', 'false']).default('true'),
});

export const RedisEnvSchema = z.object({ REDIS_URL: url(['redis', 'rediss']) });

export type BaseEnv = z.infer<typeof BaseEnvSchema>;
