import type { Role, Scope } from '@mediation/protocol';

/** Who may do what on a case: staff read, the people doing the work write, managers move and staff it. */
export const CASE_READERS: { roles: Role[]; scopes: Scope[] } = { roles: ['provider-admin', 'case-manager', 'mediator', 'auditor'], scopes: ['cases:read'] };
export const CASE_WORKERS: { roles: Role[]; scopes: Scope[] } = { roles: ['provider-admin', 'case-manager', 'mediator'], scopes: ['cases:write'] };
export const CASE_MANAGERS: { roles: Role[]; scopes: Scope[] } = { roles: ['provider-admin', 'case-manager'], scopes: ['cases:write'] };
/** Reads of special-category data: the people working the case, never an auditor browsing. */
export const SENSITIVE_READERS: { roles: Role[]; scopes: Scope[] } = { roles: ['provider-admin', 'case-manager', 'mediator'], scopes: ['cases:read'] };
