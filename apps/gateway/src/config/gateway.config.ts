import { loadServiceConfig, RedisEnvSchema } from '@mediation/platform';
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
    /** How long an in-progress Idempotency-Key is held before another request may retake it (well above RPC_TIMEOUT_MS). */
    IDEMPOTENCY_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
    /**
     * How long a verified API key is remembered by this gateway (0: never), sparing a database
     * transaction per request. A revoke through this gateway takes effect at once; through another
     * replica or the CLI within this time.
     */
    API_KEY_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
    PUBLIC_URL: z.url().optional(),
    /** The evidence service's internal HTTP address: uploads and downloads are streamed there, never over NATS. */
    EVIDENCE_URL: z.url().default('http://127.0.0.1:3004'),
    /** Shared with the evidence service: signs the one-request grants that carry the caller there. */
    EVIDENCE_GRANT_KEY: production
      ? z.string({ error: 'is required in production' }).min(32, 'must be at least 32 characters')
      : z.string().min(32, 'must be at least 32 characters').default('development-evidence-grant-key-not-a-secret'),
    /**
     * Development only: an OIDC provider's signing keys may be fetched from this machine (127.0.0.1,
     * localhost, ::1), over plain http too. Never in production: an administrator could make the
     * gateway call its own internal ports.
     */
    OIDC_ALLOW_LOOPBACK: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .default('false')
      .transform((value) => value === 'true')
      .refine((allowed) => !(allowed && production), 'must not be true in production'),
    ...RedisEnvSchema.shape,
    /** Requests per minute for one API key or one signed-in person, across every gateway replica. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(3_000),
    /** Requests per minute from one client IP to the public routes (surveys and the like). */
    RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce.number().int().min(1).default(120),
    /** Sign-in attempts per minute from one client IP: slows password guessing across accounts (the per-account lockout stops it on one). */
    SIGN_IN_PER_MINUTE: z.coerce.number().int().min(1).default(20),
    /**
     * The most requests this gateway process works on at once (fewer while the services refuse requests as
     * busy or do not answer in time, see http/admission.ts); more wait in line (GATEWAY_QUEUE_MS) and then
     * get 503 with Retry-After, unstarted, so an overload is answered fast instead of queueing without bound.
     */
    GATEWAY_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(64),
    /** How long a request past GATEWAY_MAX_IN_FLIGHT waits for a turn before it is refused (503, nothing done). */
    GATEWAY_QUEUE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
    /** Failed authentications (401) a minute per client IP and per API-key id before further attempts get 429. */
    AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).default(20),
    /**
     * Express `trust proxy`: which hops' X-Forwarded-For to believe, so audit and rate limits see the
     * client's address and not the load balancer's. `loopback` by default; a hop count, a subnet list,
     * `true` or `false` otherwise.
     */
    TRUST_PROXY: z
      .string()
      .default('loopback')
      .transform((value): boolean | number | string => (value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value)),
    /** Test runs only: a directory where the gateway notes each route, status and query parameter it answered, to compare with the OpenAPI document. */
    RECORD_RESPONSES_TO: production ? z.undefined({ error: 'is for test runs, never production' }).optional() : z.string().min(1).optional(),
  });
export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
