import { loadServiceConfig } from '@mediation/platform';
import { z } from 'zod';

const production = process.env.NODE_ENV === 'production';

export const loadGatewayConfig = () =>
  loadServiceConfig(3000, {
    /** HMAC key for API-key secrets: a stolen table alone cannot be used to forge keys. */
    API_KEY_PEPPER: production
      ? z.string({ error: 'is required in production' }).min(32, 'must be at least 32 characters')
      : z.string().min(1).default('development-pepper-not-a-secret'),
    RPC_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
    PUBLIC_URL: z.url().optional(),
  });
export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
