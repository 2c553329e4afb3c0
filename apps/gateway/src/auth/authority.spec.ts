import { ProblemError } from '@mediation/platform';
import { Authority } from './authority';
import type { Principal } from './principal';

const ORG = '0190a000-0000-7000-8000-000000000001';
const key = (...scopes: string[]): Principal => ({ organisationId: ORG, actorId: 'api-key:k', actorType: 'api-key', roles: [], scopes });
const person = (...roles: Principal['roles']): Principal => ({ organisationId: ORG, actorId: 'user:u', actorType: 'user', roles, scopes: [] });

/** The problem a refusal becomes, or 'allowed'. */
function outcome(check: () => void): string | { status: number; fields?: string[] } {
  try {
    check();
    return 'allowed';
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    return { status: error.problem.status, ...(error.problem.errors ? { fields: error.problem.errors.map((e) => e.field) } : {}) };
  }
}

describe('no caller grants what it does not hold', () => {
  it('an API key with only users:write cannot make a provider-admin or an auditor, nor even a finance officer', () => {
    const clerk = Authority.of(key('users:write'));
    expect(outcome(() => clerk.assertMayGrantRoles(['provider-admin', 'auditor']))).toEqual({ status: 403, fields: ['roles'] });
    expect(outcome(() => clerk.assertMayGrantRoles(['finance']))).toEqual({ status: 403, fields: ['roles'] });
  });

  it('a key holding what a finance officer does may make one', () => {
    expect(
      outcome(() =>
        Authority.of(key('users:write', 'reports:read', 'contracts:read', 'billing:read', 'billing:write', 'pay:read')).assertMayGrantRoles(['finance']),
      ),
    ).toBe('allowed');
  });

  it('the refusal names the roles and the scopes the caller lacks', () => {
    expect(() => Authority.of(key('users:write')).assertMayGrantRoles(['commissioner'])).toThrow(
      'You cannot grant commissioner: this API key lacks reports:read, cases:read, billing:read, contracts:read.',
    );
  });

  it('an administrator grants every role but auditor, and every scope but audit:read: the trail watches administrators', () => {
    const admin = Authority.of(person('provider-admin'));
    expect(outcome(() => admin.assertMayGrantRoles(['provider-admin', 'case-manager', 'mediator', 'finance', 'referrer', 'commissioner']))).toBe('allowed');
    expect(outcome(() => admin.assertMayGrantRoles(['auditor']))).toEqual({ status: 403, fields: ['roles'] });
    expect(outcome(() => admin.assertMayGrantScopes(['users:write', 'personal-data:read']))).toBe('allowed');
    expect(outcome(() => admin.assertMayGrantScopes(['audit:read']))).toEqual({ status: 403, fields: ['scopes'] });
    expect(outcome(() => Authority.of(person('provider-admin', 'auditor')).assertMayGrantRoles(['auditor']))).toBe('allowed');
  });

  it('a key mints keys only with scopes it has', () => {
    const keyMaker = Authority.of(key('api-keys:write', 'reports:read'));
    expect(outcome(() => keyMaker.assertMayGrantScopes(['reports:read']))).toBe('allowed');
    expect(outcome(() => keyMaker.assertMayGrantScopes(['reports:read', 'users:write']))).toEqual({ status: 403, fields: ['scopes'] });
  });

  it('no one changes, disables or sets the password of a person who holds more than they do', () => {
    expect(outcome(() => Authority.of(key('users:write')).assertMayManage({ roles: ['provider-admin'] }, 'set the password of'))).toEqual({ status: 403 });
    expect(outcome(() => Authority.of(person('provider-admin')).assertMayManage({ roles: ['case-manager', 'finance'] }, 'change'))).toBe('allowed');
    expect(outcome(() => Authority.of(person('provider-admin')).assertMayManage({ roles: ['auditor'] }, 'change'))).toEqual({ status: 403 });
    expect(
      outcome(() =>
        Authority.of(key('users:write', 'reports:read', 'contracts:read', 'billing:read', 'billing:write', 'pay:read')).assertMayManage(
          { roles: ['finance'] },
          'change',
        ),
      ),
    ).toBe('allowed');
  });

  it('setting the sign-in provider needs everything every active person holds', () => {
    const people = [{ roles: ['provider-admin'] }, { roles: ['mediator'] }];
    expect(outcome(() => Authority.of(key('organisation:write')).assertHoldsAllOf(people, 'set the provider'))).toEqual({ status: 403 });
    expect(outcome(() => Authority.of(person('provider-admin')).assertHoldsAllOf(people, 'set the provider'))).toBe('allowed');
    expect(outcome(() => Authority.of(person('provider-admin')).assertHoldsAllOf([...people, { roles: ['auditor'] }], 'set the provider'))).toEqual({
      status: 403,
    });
  });

  it('the operator (the ops CLI) holds everything', () => {
    expect(outcome(() => Authority.operator.assertMayGrantRoles(['provider-admin', 'auditor']))).toBe('allowed');
    expect(outcome(() => Authority.operator.assertMayManage({ roles: ['provider-admin', 'auditor'] }, 'change'))).toBe('allowed');
  });
});
