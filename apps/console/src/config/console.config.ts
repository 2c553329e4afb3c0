import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * The console holds no database, NATS or Redis: only where the gateway is and the secret its form
 * tokens are signed with. In development a random secret per boot is enough (forms open before a
 * restart are refused once); production must set one, shared by every replica.
 */
const ConsoleEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    PORT: z.coerce.number().int().positive().default(3009),
    METRICS_PORT: z.coerce.number().int().positive().default(9409),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
    GATEWAY_URL: z.url('must be the gateway’s URL, e.g. http://127.0.0.1:3000').default('http://127.0.0.1:3000'),
    CONSOLE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.CONSOLE_SECRET, { path: ['CONSOLE_SECRET'], message: 'is required in production' });

export type ConsoleConfig = z.infer<typeof ConsoleEnvSchema> & { CONSOLE_SECRET: string };

export function loadConsoleConfig(env: NodeJS.ProcessEnv = process.env): ConsoleConfig {
  // An empty CONSOLE_SECRET (compose's default) counts as unset.
  const parsed = ConsoleEnvSchema.safeParse({ ...env, CONSOLE_SECRET: env.CONSOLE_SECRET || undefined });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '));
  return { ...parsed.data, CONSOLE_SECRET: parsed.data.CONSOLE_SECRET ?? randomBytes(32).toString('hex') };
}

export const CONSOLE_CONFIG = Symbol('CONSOLE_CONFIG');
