import { canReadContracts, canRefer, canWorkCases } from '../http/layout';

/**
 * Where a person starts, however they signed in (and where My work sends whoever has no case list): staff on
 * My work; a referrer on New referral; a commissioner or finance on their contracts.
 */
export function landingFor(roles: readonly string[]): string {
  if (canWorkCases(roles)) return '/';
  return canRefer(roles) || !canReadContracts(roles) ? '/referrals/new' : '/contracts';
}
