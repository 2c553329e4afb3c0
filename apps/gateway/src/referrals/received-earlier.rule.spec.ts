import type { Principal } from '../auth/principal';
import { assertMayGiveReceivedAt } from './received-earlier.rule';

const organisationId = '0190a000-0000-7000-8000-000000000001';
const person = (...roles: Principal['roles']): Principal => ({ organisationId, actorId: 'user:u', actorType: 'user', roles, scopes: [] });
const key: Principal = { organisationId, actorId: 'api-key:k', actorType: 'api-key', roles: [], scopes: ['referrals:write'] };
const friday = { receivedAt: '2027-06-04T17:30:00+01:00' };

describe('who may say a referral was received earlier than it is entered', () => {
  it('a case manager or provider-admin typing in Friday’s phone call may', () => {
    expect(() => assertMayGiveReceivedAt(person('case-manager'), friday)).not.toThrow();
    expect(() => assertMayGiveReceivedAt(person('provider-admin'), friday)).not.toThrow();
  });

  it('a referrer, a mediator and an API key (a referrer’s own system posting live) may not: a 403 naming receivedAt', () => {
    for (const caller of [person('referrer'), person('mediator'), key]) {
      expect(() => assertMayGiveReceivedAt(caller, friday)).toThrow(
        expect.objectContaining({
          problem: expect.objectContaining({ status: 403, errors: [expect.objectContaining({ field: 'receivedAt', code: 'not_allowed' })] }),
        }),
      );
    }
  });

  it('anyone may send a referral without it: it is then received now', () => {
    expect(() => assertMayGiveReceivedAt(key, {})).not.toThrow();
  });
});
