import { PROBLEM_TYPES, type CreateReferralBody, type Role } from '@mediation/protocol';
import { ProblemError } from '@mediation/platform';
import type { Principal } from '../auth/principal';

/** The provider's staff who type in referrals that arrived earlier (by phone, by post, out of hours). */
export const MAY_ENTER_RECEIVED_EARLIER: readonly Role[] = ['provider-admin', 'case-manager'];

/**
 * Saying a referral arrived earlier than it is entered moves its clocks, so only a person on the
 * provider's staff may say it, signed in as themselves: never an API key (a referrer's own system posts
 * as it receives) nor a referrer. A 403 naming `receivedAt`; intake records who entered it and when.
 */
export function assertMayGiveReceivedAt(principal: Principal, body: Pick<CreateReferralBody, 'receivedAt'>): void {
  if (body.receivedAt === undefined) return;
  if (principal.actorType === 'user' && principal.roles.some((role) => MAY_ENTER_RECEIVED_EARLIER.includes(role))) return;
  throw new ProblemError({
    type: PROBLEM_TYPES.forbidden,
    title: 'Forbidden',
    status: 403,
    detail: `Only a ${MAY_ENTER_RECEIVED_EARLIER.join(' or ')} signed in as themselves may say when a referral was received; leave receivedAt out to record it as received now.`,
    errors: [
      { field: 'receivedAt', message: `may be given only by a ${MAY_ENTER_RECEIVED_EARLIER.join(' or ')} signed in as themselves`, code: 'not_allowed' },
    ],
  });
}
