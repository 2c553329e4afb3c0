import { z } from 'zod';

/** The people of a provider and of its buyers, as the contracts describe them. */
export const ROLES = [
  'provider-admin', // runs the organisation: contracts, users, keys
  'case-manager', // runs cases day to day
  'mediator', // also professional witnesses
  'finance', // invoices, budgets
  'auditor', // reads everything, changes nothing
  'referrer', // a buyer's officer: submits referrals to linked contracts, follows their status
  'commissioner', // a buyer's officer who reads the reports of linked contracts
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that see only the contracts they are linked to. */
export const CONTRACT_BOUND_ROLES: readonly Role[] = ['referrer', 'commissioner'];

/** What an API key may be allowed to do; a key gets an explicit subset. */
export const ALL_SCOPES = [
  'referrals:write',
  'referrals:read',
  'cases:read',
  'cases:write',
  'reports:read',
  'contracts:write',
  'contracts:read',
  'users:read',
  'users:write',
  'api-keys:read',
  'api-keys:write',
  'organisation:read',
  'organisation:write',
  'audit:read',
  'personal-data:read', // subject-access exports
  'staff:read',
  'staff:write',
  'sessions:read',
  'sessions:write',
  'billing:read', // invoices, credit notes, a contract's spend against its budget or cap
  'billing:write', // draft, issue, void and credit invoices
  'pay:read', // staff's monthly statements (a mediator: their own) and the payroll
  'webhooks:read', // partners' endpoints and their delivery logs
  'webhooks:write',
  'events:read', // the pull feed of public events
] as const;
export type Scope = (typeof ALL_SCOPES)[number];

/**
 * What each role amounts to in API-key scopes: exactly the scopes of the routes open to the role (the
 * gateway checks this table against every route it serves, at boot and in its authorization suite).
 * People hold roles and keys hold scopes; through this table the two compare, so no caller grants
 * more than it holds. Some roles are narrower than their scopes on a few routes (a mediator writes
 * notes but does not close cases, both `cases:write`); only roles exact on every route may grant.
 */
export const ROLE_SCOPES: Readonly<Record<Role, readonly Scope[]>> = {
  'provider-admin': ALL_SCOPES.filter((scope) => scope !== 'audit:read'), // the audit trail watches the administrators
  'case-manager': [
    'referrals:write',
    'referrals:read',
    'cases:read',
    'cases:write',
    'reports:read',
    'contracts:read',
    'staff:read',
    'staff:write',
    'sessions:read',
    'sessions:write',
  ],
  mediator: ['referrals:read', 'cases:read', 'cases:write', 'staff:read', 'sessions:read', 'sessions:write', 'pay:read'],
  finance: ['reports:read', 'contracts:read', 'billing:read', 'billing:write', 'pay:read'],
  auditor: ['audit:read', 'referrals:read', 'cases:read', 'reports:read', 'contracts:read', 'staff:read', 'sessions:read'],
  referrer: ['referrals:write', 'referrals:read', 'cases:read', 'contracts:read'], // contracts:read: the list of linked contracts only
  commissioner: ['reports:read', 'cases:read', 'billing:read', 'contracts:read'],
};

/** Everything a set of roles amounts to: the union of their scopes. */
export function scopesOfRoles(roles: readonly string[]): Set<Scope> {
  return new Set(roles.flatMap((role) => ROLE_SCOPES[role as Role] ?? []));
}

export const RoleSchema = z.enum(ROLES).describe('A role: provider-admin, case-manager, mediator, finance, auditor, referrer or commissioner.');
export const ScopeSchema = z.enum(ALL_SCOPES).describe('An API-key scope, `<resource>:<read|write>`.');

/** A list without repeats, so `["mediator", "mediator"]` is an error rather than silently one role. */
export const distinct = <T extends z.ZodType>(item: T) =>
  z.array(item).refine((values) => new Set(values).size === values.length, { message: 'must not repeat a value' });

/** The scopes that let a caller hand out roles or scopes: a role admitted where they are needed must be exact. */
const GRANTING_SCOPES: readonly Scope[] = ['users:write', 'api-keys:write'];

/** A route's declared access, as the gateway serves it (`x-access` in its OpenAPI document). */
export interface DeclaredAccess {
  route: string;
  roles: readonly string[];
  scopes: readonly string[];
}

/**
 * Where ROLE_SCOPES is not true of the routes served: a role let into a route without holding its
 * scopes (understated), a scope no route open to the role needs (overstated), or a role that may
 * grant yet holds scopes whose routes shut it out (it could hand a key more than it can do itself).
 */
export function roleScopeMismatches(routes: readonly DeclaredAccess[]): string[] {
  const mismatches: string[] = [];
  const keyed = routes.filter((r) => r.scopes.length > 0);
  for (const role of ROLES) {
    const held = new Set<string>(ROLE_SCOPES[role]);
    const admitting = keyed.filter((r) => r.roles.includes(role));
    for (const r of admitting) {
      const missing = r.scopes.filter((scope) => !held.has(scope));
      if (missing.length > 0) mismatches.push(`${role} may use ${r.route} but ROLE_SCOPES does not give it ${missing.join(', ')}`);
    }
    for (const scope of held)
      if (!admitting.some((r) => r.scopes.includes(scope))) mismatches.push(`${role} holds ${scope} in ROLE_SCOPES but no route open to it needs that scope`);
    if (!admitting.some((r) => r.scopes.some((scope) => (GRANTING_SCOPES as readonly string[]).includes(scope)))) continue;
    for (const r of keyed)
      if (!r.roles.includes(role) && r.scopes.every((scope) => held.has(scope)))
        mismatches.push(`${role} may grant, holds the scopes of ${r.route} and yet may not use it`);
  }
  return mismatches;
}
