import { ROLE_SCOPES, roleScopeMismatches, scopesOfRoles, type DeclaredAccess } from './access.schemas';

/** A small served API, as the gateway's OpenAPI `x-access` would describe it, that agrees with ROLE_SCOPES. */
const everyRoleScopeUsed = (): DeclaredAccess[] =>
  Object.entries(ROLE_SCOPES).flatMap(([role, scopes]) =>
    scopes.map((scope) => ({
      route: `get /v1/${role}/${scope}`,
      roles: [role, ...(role === 'provider-admin' ? [] : ['provider-admin'])].filter((r) => r !== 'provider-admin' || scope !== 'audit:read'),
      scopes: [scope],
    })),
  );

describe('what each role amounts to in API-key scopes', () => {
  it('a person with several roles holds the scopes of each', () => {
    expect([...scopesOfRoles(['finance', 'commissioner'])].sort()).toEqual([
      'billing:read',
      'billing:write',
      'cases:read',
      'contracts:read',
      'pay:read',
      'reports:read',
    ]);
    expect(scopesOfRoles(['not-a-role']).size).toBe(0);
  });

  it('an administrator holds every scope but the audit trail’s, which watches administrators', () => {
    expect(scopesOfRoles(['provider-admin']).has('audit:read')).toBe(false);
    expect(scopesOfRoles(['provider-admin']).has('users:write')).toBe(true);
  });

  it('a table that says what the routes say has no mismatch', () => {
    expect(roleScopeMismatches(everyRoleScopeUsed())).toEqual([]);
  });

  it('a route open to a role that the table does not give its scope is found (a key could grant that role without holding it)', () => {
    const routes = [...everyRoleScopeUsed(), { route: 'post /v1/invoices', roles: ['provider-admin', 'finance'], scopes: ['cases:write'] }];
    expect(roleScopeMismatches(routes)).toEqual(['finance may use post /v1/invoices but ROLE_SCOPES does not give it cases:write']);
  });

  it('a scope the table gives a role that no route open to it needs is found (the role could hand a key more than it can do)', () => {
    const routes = everyRoleScopeUsed().filter((r) => r.route !== 'get /v1/finance/contracts:read');
    expect(roleScopeMismatches(routes)).toEqual(['finance holds contracts:read in ROLE_SCOPES but no route open to it needs that scope']);
  });

  it('a role that may grant must be let into every route whose scopes it holds', () => {
    const routes = [...everyRoleScopeUsed(), { route: 'delete /v1/cases/{id}', roles: ['case-manager'], scopes: ['cases:write'] }];
    expect(roleScopeMismatches(routes)).toEqual(['provider-admin may grant, holds the scopes of delete /v1/cases/{id} and yet may not use it']);
  });

  it('routes without scopes (about the caller itself) are left out of the comparison', () => {
    expect(roleScopeMismatches([...everyRoleScopeUsed(), { route: 'get /v1/me', roles: ['referrer'], scopes: [] }])).toEqual([]);
  });
});
