import { loadServiceConfig } from '@mediation/platform';
import { z } from 'zod';

const production = process.env.NODE_ENV === 'production';

export const loadGatewayConfig = () =>
  loadServiceConfig(3000, {
    /** HMAC key for API-key secrets: a stolen table alone cannot be used to forge keys. */
    API_KEY_PEPPER: production
      ? z.string({ error: 'is required in production' }).min(32, 'must be at least 32 characters')
      : z.string().min(1).default('development-pepper-not-a-secret'),
    /** HS256 key for the gateway's own sign-in tokens: whoever has it can mint a session for anyone. */
    SESSION_SIGNING_KEY: production
      ? z.string({ error: 'is required in production' }).min(32, 'must be at least 32 characters')
      : z.string().min(32, 'must be at least 32 characters').default('development-session-key-not-a-secret-0000'),
    /** How long a sign-in token lasts; short, because a stolen one cannot be recalled. */
    SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(3_600).default(900),
    RPC_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
    PUBLIC_URL: z.url().optional(),
  });
export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
