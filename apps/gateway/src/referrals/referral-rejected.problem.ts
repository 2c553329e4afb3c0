import { ProblemError } from '@mediation/platform';
import type { ReferralView } from '@mediation/protocol';

export const REFERRAL_REJECTED_TYPE = 'https://mediation.example/problems/referral-rejected';

const FIELD_OF = {
  'contract-not-active': 'contractId',
  'outside-scope': 'serviceLine',
  'no-consent': 'consent',
  'referrer-not-allowed': 'referrerType',
} as const;

/**
 * A well-formed referral the contract could not take: it was stored as rejected, so the problem
 * carries its id and reference for the referrer to follow, and names the field at fault.
 */
export function referralRejectedProblem(referral: ReferralView): ProblemError {
  const rejection = referral.rejection ?? { code: 'outside-scope' as const, reason: 'The referral was rejected.' };
  const problem = {
    type: REFERRAL_REJECTED_TYPE,
    title: 'Referral rejected',
    status: 422,
    detail: `Referral ${referral.reference} was recorded but rejected: ${rejection.reason}`,
    errors: [{ field: FIELD_OF[rejection.code], message: rejection.reason, code: rejection.code }],
    referralId: referral.id,
    reference: referral.reference,
    rejection,
  };
  return new ProblemError(problem);
}
