import { addDaysToDate } from '@mediation/calendar';

/** How far ahead an expiring accreditation is warned of, and shown as `expiring`. */
export const EXPIRY_WARNING_DAYS = 30;

export interface AccreditationFacts {
  kind: string;
  label: string;
  expiresOn: string | null;
}

/** An accreditation is valid through its expiry date (the last day it is valid), expired the day after. */
export function accreditationStatus(expiresOn: string | null, today: string): 'valid' | 'expiring' | 'expired' {
  if (expiresOn === null) return 'valid';
  if (expiresOn < today) return 'expired';
  return expiresOn <= addDaysToDate(today, EXPIRY_WARNING_DAYS) ? 'expiring' : 'valid';
}

/**
 * The expired accreditations that block allocation: an expired one blocks unless a later one of the
 * same kind is in date (a renewed DBS check replaces the old one).
 */
export function blockingExpiries(accreditations: readonly AccreditationFacts[], today: string): AccreditationFacts[] {
  const validKinds = new Set(accreditations.filter((a) => accreditationStatus(a.expiresOn, today) !== 'expired').map((a) => a.kind));
  const expired = accreditations.filter((a) => accreditationStatus(a.expiresOn, today) === 'expired' && !validKinds.has(a.kind));
  // One reason per kind: the most recent expiry is the one people recognise.
  const byKind = new Map<string, AccreditationFacts>();
  for (const a of expired) if (!byKind.has(a.kind) || (byKind.get(a.kind)!.expiresOn ?? '') < (a.expiresOn ?? '')) byKind.set(a.kind, a);
  return [...byKind.values()];
}

/** Calendar days from today to the expiry date (0 on the last valid day, negative once expired). */
export function daysLeft(expiresOn: string, today: string): number {
  return Math.round((Date.parse(`${expiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
