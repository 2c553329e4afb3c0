/**
 * The roles a party can have in a dispute. Kept here, apart from the referral events, so a contract's
 * reminder rules can name party roles without an import cycle (the events import the contract schema).
 */
export const PARTY_ROLES = [
  'complainant',
  'respondent',
  'tenant',
  'landlord',
  'claimant',
  'defendant',
  'parent',
  'young-person',
  'local-authority',
  'participant',
  'victim',
] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
