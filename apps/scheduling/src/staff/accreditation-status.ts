import { addDaysToDate, daysBetween } from '@mediation/calendar';
import type { AccreditationKind } from '@mediation/protocol';

/** How far ahead an expiring accreditation is warned of, and shown as `expiring`. */
export const EXPIRY_WARNING_DAYS = 30;

/** What each kind is called when a person's record gives no label of its own. */
export const ACCREDITATION_LABELS: Record<AccreditationKind, string> = {
  'dbs-enhanced': 'Enhanced DBS check',
  'fmc-accreditation': 'Family Mediation Council accreditation',
  'cmc-accreditation': 'Civil Mediation Council registration',
  'send-mediation': 'SEND mediation accreditation',
  other: 'Accreditation',
};

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

/** Whether an accreditation is still valid on the last day of a period (`through`). */
const validThrough = (a: AccreditationFacts, through: string) => a.expiresOn === null || a.expiresOn >= through;

/**
 * The accreditations that block work through a date (today for allocation, the session's last day for
 * booking): one that runs out before then blocks unless another of the same kind is valid through it
 * (a renewed DBS check replaces the old one).
 */
export function blockingExpiries(accreditations: readonly AccreditationFacts[], through: string): AccreditationFacts[] {
  const validKinds = new Set(accreditations.filter((a) => validThrough(a, through)).map((a) => a.kind));
  const lapsing = accreditations.filter((a) => !validThrough(a, through) && !validKinds.has(a.kind));
  // One reason per kind: the most recent expiry is the one people recognise.
  const byKind = new Map<string, AccreditationFacts>();
  for (const a of lapsing) if (!byKind.has(a.kind) || (byKind.get(a.kind)!.expiresOn ?? '') < (a.expiresOn ?? '')) byKind.set(a.kind, a);
  return [...byKind.values()];
}

/**
 * Whether an accreditation has been superseded on a date: another of the same kind is in date then and
 * runs later (or never expires), so the old one's expiry blocks nothing and needs no warning.
 */
export function isSuperseded(
  accreditation: { id: string; kind: string; expiresOn: string | null },
  all: readonly { id: string; kind: string; expiresOn: string | null }[],
  today: string,
): boolean {
  if (accreditation.expiresOn === null) return false;
  const expiresOn = accreditation.expiresOn;
  return all.some(
    (other) =>
      other.id !== accreditation.id &&
      other.kind === accreditation.kind &&
      (other.expiresOn === null || (other.expiresOn >= today && other.expiresOn > expiresOn)),
  );
}

/** Calendar days from today to the expiry date (0 on the last valid day, negative once expired). */
export function daysLeft(expiresOn: string, today: string): number {
  return daysBetween(today, expiresOn);
}
