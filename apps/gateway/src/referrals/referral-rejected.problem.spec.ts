import type { ReferralView } from '@mediation/protocol';
import { referralRejectedProblem, REFERRAL_REJECTED_TYPE } from './referral-rejected.problem';

const rejected = (code: 'contract-not-active' | 'outside-scope' | 'no-consent', reason: string) =>
  ({ id: '019a0000-0000-7000-8000-000000000001', reference: 'REF-2027-000007', status: 'rejected', rejection: { code, reason } }) as ReferralView;

describe('a referral recorded but rejected', () => {
  it('is a 422 that names consent, quotes the rule and gives the referral to follow', () => {
    const { problem } = referralRejectedProblem(rejected('no-consent', 'consent is required. The rule: Service users give their consent.'));
    expect(problem).toMatchObject({
      type: REFERRAL_REJECTED_TYPE,
      status: 422,
      detail: expect.stringContaining('REF-2027-000007'),
      errors: [{ field: 'consent', code: 'no-consent', message: expect.stringContaining('The rule:') }],
      referralId: '019a0000-0000-7000-8000-000000000001',
      reference: 'REF-2027-000007',
    });
  });

  it('names the contract when it is not active, and the service line when it is outside scope', () => {
    expect(referralRejectedProblem(rejected('contract-not-active', 'The contract is suspended.')).problem.errors).toEqual([
      expect.objectContaining({ field: 'contractId' }),
    ]);
    expect(referralRejectedProblem(rejected('outside-scope', 'Not in scope.')).problem.errors).toEqual([expect.objectContaining({ field: 'serviceLine' })]);
  });
});
