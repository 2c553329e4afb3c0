import { SetMetadata } from '@nestjs/common';

export const RATE_LIMIT = 'mediation:rate-limit';

/** Limits an operator can tune through the environment. */
export type ConfiguredLimit = 'SIGN_IN_PER_MINUTE' | 'RATE_LIMIT_PUBLIC_PER_MINUTE';

export interface RateLimitRule {
  /** The counter's name, e.g. `sign-in`. */
  bucket: string;
  /** Requests allowed per window, or the configuration variable that says how many. */
  limit: number | ConfiguredLimit;
  windowMs: number;
  /** Count per client IP (public routes, where there is no one else to count) or per caller. */
  by: 'ip' | 'principal';
}

/** A route with a tighter limit than the default, e.g. signing in (guessing passwords) or answering a survey. */
export const RateLimit = (rule: RateLimitRule) => SetMetadata(RATE_LIMIT, rule);
