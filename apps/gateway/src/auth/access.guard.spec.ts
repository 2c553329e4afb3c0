import type { RpcMeta } from '@mediation/protocol';
import { ProblemError } from '@mediation/platform';
import { refuse } from './access.guard';
import type { AccessRule } from './access';
import { assertContractAllowed, contractRestriction } from './contract-restriction';
import type { Principal } from './principal';

const organisationId = '0190a0a0-0000-7000-8000-000000000002';
const key = (...scopes: string[]): Principal => ({ organisationId, actorId: 'api-key:k', actorType: 'api-key', roles: [], scopes });
const person = (...roles: Principal['roles']): Principal => ({ organisationId, actorId: 'user:u', actorType: 'user', roles, scopes: [] });
const usersWrite: AccessRule = { roles: ['provider-admin'], scopes: ['users:write'] };

describe('refuse(): who may use a route', () => {
  it('a route that declares nothing is closed to everyone', () => {
    expect(refuse(person('provider-admin'), undefined)).toMatch(/declares no access rule/);
    expect(refuse(key('users:write'), undefined)).toMatch(/declares no access rule/);
  });

  it('an API key needs every scope the route names, whatever roles the route allows', () => {
    expect(refuse(key('users:write'), usersWrite)).toBeUndefined();
    expect(refuse(key('users:read'), usersWrite)).toBe('The API key lacks the scope(s) users:write.');
    expect(refuse(key('referrals:read'), { roles: ['auditor'], scopes: ['referrals:read', 'cases:read'] })).toBe('The API key lacks the scope(s) cases:read.');
  });

  it('a route without scopes is closed to keys, unless it is open to every key', () => {
    expect(refuse(key('users:write'), { roles: ['provider-admin'], scopes: [] })).toBe('This route is not open to API keys.');
    expect(refuse(key(), { roles: ['provider-admin'], scopes: [], everyApiKey: true })).toBeUndefined();
  });

  it('a person needs one of the roles; scopes do not matter to people', () => {
    expect(refuse(person('provider-admin'), usersWrite)).toBeUndefined();
    expect(refuse(person('mediator'), usersWrite)).toBe('This route needs one of the roles provider-admin.');
    expect(refuse(person('mediator', 'provider-admin'), usersWrite)).toBeUndefined();
    expect(refuse(person(), { roles: ['auditor'], scopes: [], everyApiKey: true })).toBe('This route needs one of the roles auditor.');
  });
});

describe('contract links', () => {
  const linked = '0190a0a0-0000-7000-8000-00000000000a';
  const other = '0190a0a0-0000-7000-8000-00000000000b';
  const meta = (restrictToContracts?: string[]): RpcMeta => ({
    organisationId,
    actorId: 'user:u',
    actorType: 'user',
    correlationId: 'c',
    ...(restrictToContracts ? { restrictToContracts } : {}),
  });

  it('referrers and commissioners are limited to their linked contracts; anyone with a wider role is not', () => {
    expect(contractRestriction(['referrer'], [linked])).toEqual([linked]);
    expect(contractRestriction(['commissioner', 'referrer'], [])).toEqual([]);
    expect(contractRestriction(['referrer', 'case-manager'], [linked])).toBeUndefined();
    expect(contractRestriction(['auditor'], [linked])).toBeUndefined();
  });

  it('a referrer submitting to a contract they are not linked to gets 403; to their own, nothing is in the way', () => {
    expect(() => assertContractAllowed(meta([linked]), linked)).not.toThrow();
    expect(() => assertContractAllowed(meta([linked]), other)).toThrow(ProblemError);
    expect(() => assertContractAllowed(meta([]), linked)).toThrow(expect.objectContaining({ problem: expect.objectContaining({ status: 403 }) }));
    expect(() => assertContractAllowed(meta(), other)).not.toThrow();
  });
});
