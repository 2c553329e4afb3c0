import type { AccreditationKind, ServiceLine, StaffServiceLine } from '@mediation/protocol';
import { ACCREDITATION_LABELS, accreditationStatus, blockingExpiries, daysLeft, type AccreditationFacts } from './accreditation-status';
import { checkLivingWage, formatPence, livingWageWarning } from './london-living-wage';

export interface ConflictFacts {
  partyName: string | null;
  caseId: string | null;
  reason: string;
}

export interface EligibilityFacts {
  status: string;
  payRatePence: number;
  accreditations: readonly AccreditationFacts[];
  serviceLines: readonly StaffServiceLine[];
  conflicts: readonly ConflictFacts[];
}

/** The case a person is considered for, its line, and the dates each rule is judged on. */
export interface Engagement {
  caseId: string;
  contractId: string;
  line: Pick<ServiceLine, 'key' | 'name' | 'londonLivingWage' | 'staffRequirements'>;
  /** Party names on the case; a declared conflict with one blocks. */
  parties: readonly string[];
  today: string;
  /** The last London day the work lasts: today for allocation, the session's last day for booking. */
  through: string;
  /** The London date whose London Living Wage applies: today for allocation, the session's date for booking. */
  payOn: string;
}

export type IneligibilityCode = 'not-on-line' | 'inactive' | 'accreditation-expired' | 'accreditation-missing' | 'london-living-wage' | 'conflict-of-interest';

export interface Ineligibility {
  code: IneligibilityCode;
  message: string;
}

export interface EligibilityWarning {
  code: 'accreditation-expiring' | 'london-living-wage-rising';
  message: string;
}

const cite = (basis: { source: { document: string; section?: string } }) =>
  `${basis.source.document}${basis.source.section ? `, ${basis.source.section}` : ''}`;

/**
 * The hard rules of allocation and booking, in one place: why a member of staff may not work this
 * case — not on its service line, inactive, an accreditation that lapses before the work ends, a check
 * the line requires and they lack, pay below a required London Living Wage, a declared conflict of
 * interest. Empty means eligible.
 */
export function ineligibility(staff: EligibilityFacts, at: Engagement): Ineligibility[] {
  const reasons: Ineligibility[] = [];
  if (!staff.serviceLines.some((l) => l.contractId === at.contractId && l.serviceLine === at.line.key))
    reasons.push({ code: 'not-on-line', message: `does not work on ${at.line.name}` });
  if (staff.status !== 'active') reasons.push({ code: 'inactive', message: 'inactive' });
  for (const lapsed of blockingExpiries(staff.accreditations, at.through)) {
    const message =
      lapsed.expiresOn! < at.today
        ? `${lapsed.label} expired on ${lapsed.expiresOn}`
        : `${lapsed.label} expires on ${lapsed.expiresOn}, before the session on ${at.through}`;
    reasons.push({ code: 'accreditation-expired', message });
  }
  const required = at.line.staffRequirements;
  for (const kind of required?.accreditations ?? []) {
    if (!staff.accreditations.some((a) => a.kind === kind))
      reasons.push({
        code: 'accreditation-missing',
        message: `holds no ${ACCREDITATION_LABELS[kind as AccreditationKind]}, which ${at.line.name} requires (${cite(required!.basis)})`,
      });
  }
  const wage = checkLivingWage(staff.payRatePence, at.line.londonLivingWage.required, at.payOn);
  if (!wage.meets)
    reasons.push({
      code: 'london-living-wage',
      message: `paid ${formatPence(staff.payRatePence)}/h, below the London Living Wage of ${formatPence(wage.ratePence)}/h (payable since ${wage.rateSince}) this contract requires`,
    });
  for (const message of conflictsWith(staff.conflicts, at.caseId, at.parties)) reasons.push({ code: 'conflict-of-interest', message });
  return reasons;
}

/** What does not block but needs doing soon: a check running out within 30 days, a London Living Wage rise the pay does not reach. */
export function eligibilityWarnings(staff: EligibilityFacts, at: Engagement): EligibilityWarning[] {
  const warnings: EligibilityWarning[] = [];
  // Per kind, the in-date accreditation that runs longest is the one that counts; a superseded one is not warned of.
  const longest = new Map<string, AccreditationFacts>();
  for (const a of staff.accreditations.filter((x) => accreditationStatus(x.expiresOn, at.today) !== 'expired')) {
    const known = longest.get(a.kind);
    if (!known || (known.expiresOn !== null && (a.expiresOn === null || a.expiresOn > known.expiresOn))) longest.set(a.kind, a);
  }
  for (const a of longest.values()) {
    if (a.expiresOn !== null && accreditationStatus(a.expiresOn, at.today) === 'expiring') {
      warnings.push({
        code: 'accreditation-expiring',
        message: `${a.label} expires on ${a.expiresOn} (in ${daysLeft(a.expiresOn, at.today)} days); sessions after then cannot be booked until it is renewed`,
      });
    }
  }
  const wage = livingWageWarning(checkLivingWage(staff.payRatePence, at.line.londonLivingWage.required, at.payOn), staff.payRatePence);
  if (wage) warnings.push({ code: 'london-living-wage-rising', message: wage });
  return warnings;
}

/** A conflict of interest names the case, or a party of it (names compared without case or extra spaces). */
export function conflictsWith(conflicts: readonly ConflictFacts[], caseId: string, parties: readonly string[]): string[] {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  const names = new Set(parties.map(norm));
  return conflicts
    .filter((c) => c.caseId === caseId || (c.partyName !== null && names.has(norm(c.partyName))))
    .map((c) => `conflict of interest${c.partyName ? ` with ${c.partyName}` : ' with this case'}: ${c.reason}`);
}

/** The facts the rules read, from a staff row with its details. */
export function eligibilityFacts(row: {
  status: string;
  payRatePence: number;
  serviceLines: unknown;
  accreditations: readonly { kind: string; label: string; expiresOn: Date | null }[];
  conflicts: readonly ConflictFacts[];
}): EligibilityFacts {
  return {
    status: row.status,
    payRatePence: row.payRatePence,
    serviceLines: row.serviceLines as StaffServiceLine[],
    accreditations: row.accreditations.map((a) => ({ kind: a.kind, label: a.label, expiresOn: a.expiresOn ? a.expiresOn.toISOString().slice(0, 10) : null })),
    conflicts: row.conflicts,
  };
}
