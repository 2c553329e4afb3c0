import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * An organisation's OpenID Connect provider, as the console's client of it: the console is registered
 * there (client id, and a secret for a confidential client) with the redirect URI
 * `<console URL>/sign-in/oidc/callback`. The gateway trusts the same issuer with audience = clientId.
 */
const OidcClientSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be 1-40 lower-case letters, digits or hyphens (it is in the sign-in link)'),
    name: z.string().trim().min(1).max(100),
    issuer: z.url('must be the provider’s issuer URL'),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1).optional(),
    scope: z.string().default('openid email profile'),
  })
  .strict();
export type OidcClientSettings = z.infer<typeof OidcClientSchema>;

/** CONSOLE_OIDC_PROVIDERS is a JSON list; unset or empty means local accounts only. */
const OidcProvidersSchema = z.preprocess((raw) => {
  if (raw === undefined || raw === '') return [];
  try {
    return typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    return raw; // not JSON: the array check below names the variable
  }
}, z.array(OidcClientSchema));

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
    /** The console's address as browsers reach it, for OIDC redirect URIs; unset, it is taken from each request. */
    CONSOLE_URL: z.url('must be the console’s public URL, e.g. https://console.provider.example').optional(),
    CONSOLE_OIDC_PROVIDERS: OidcProvidersSchema,
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.CONSOLE_SECRET, { path: ['CONSOLE_SECRET'], message: 'is required in production' })
  .refine((env) => new Set(env.CONSOLE_OIDC_PROVIDERS.map((p) => p.id)).size === env.CONSOLE_OIDC_PROVIDERS.length, {
    path: ['CONSOLE_OIDC_PROVIDERS'],
    message: 'has two providers with the same id',
  });

export type ConsoleConfig = z.infer<typeof ConsoleEnvSchema> & { CONSOLE_SECRET: string };

export function loadConsoleConfig(env: NodeJS.ProcessEnv = process.env): ConsoleConfig {
  // An empty CONSOLE_SECRET (compose's default) counts as unset.
  const parsed = ConsoleEnvSchema.safeParse({ ...env, CONSOLE_SECRET: env.CONSOLE_SECRET || undefined, CONSOLE_URL: env.CONSOLE_URL || undefined });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '));
  return { ...parsed.data, CONSOLE_SECRET: parsed.data.CONSOLE_SECRET ?? randomBytes(32).toString('hex') };
}

export const CONSOLE_CONFIG = Symbol('CONSOLE_CONFIG');
