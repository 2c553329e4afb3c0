import { canRefer, canWorkCases } from '../http/layout';

/**
 * Where a person starts after signing in, however they signed in: staff on My work; a referrer, with no
 * case list to work, on New referral; anyone else (a commissioner, finance) on the contracts they may read.
 */
export function landingFor(roles: readonly string[]): string {
  if (canWorkCases(roles)) return '/';
  return canRefer(roles) ? '/referrals/new' : '/contracts';
}
