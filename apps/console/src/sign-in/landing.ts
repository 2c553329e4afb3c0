import { canWorkCases } from '../http/layout';

/** Where a person starts after signing in, however they signed in: staff on My work; a referrer, with no case list to work, on New referral. */
export function landingFor(roles: readonly string[]): string {
  return canWorkCases(roles) ? '/' : '/referrals/new';
}
