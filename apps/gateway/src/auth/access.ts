import { SetMetadata } from '@nestjs/common';
import type { Scope } from './api-key';

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

export interface AccessRule {
  /** People with any of these roles may use the route. */
  roles: Role[];
  /** API keys need every one of these scopes; a route without scopes is closed to keys. */
  scopes: Scope[];
}

export const ACCESS_RULE = 'mediation:access-rule';

/** Every /v1 route declares who may use it; a route that declares nothing is refused to everyone. */
export const Access = (rule: AccessRule) => SetMetadata(ACCESS_RULE, rule);
