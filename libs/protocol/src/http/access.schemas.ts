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
] as const;
export type Scope = (typeof ALL_SCOPES)[number];

export const RoleSchema = z.enum(ROLES).describe('A role: provider-admin, case-manager, mediator, finance, auditor, referrer or commissioner.');
export const ScopeSchema = z.enum(ALL_SCOPES).describe('An API-key scope, `<resource>:<read|write>`.');

/** A list without repeats, so `["mediator", "mediator"]` is an error rather than silently one role. */
export const distinct = <T extends z.ZodType>(item: T) =>
  z.array(item).refine((values) => new Set(values).size === values.length, { message: 'must not repeat a value' });
