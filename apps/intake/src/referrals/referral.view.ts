import { londonDate } from '@mediation/calendar';
import { ReferralSummarySchema, ReferralViewSchema, type ReferralForm, type ReferralSummary, type ReferralView } from '@mediation/protocol';
import type { ReferralRecord } from './referral.repository';

/** The fields a list shows: status, rejection, duplicates, cap and clock, without personal data. */
export function toReferralSummary(row: ReferralRecord): ReferralSummary {
  return ReferralSummarySchema.parse(summaryFields(row));
}

/**
 * The referral as the API shows it. Special-category and criminal-offence answers stay out of the
 * view (only their keys are listed, `sealedKeys` for those sealed at rest), so reading them can be a
 * separate, audited act.
 */
export function toReferralView(row: ReferralRecord, form: ReferralForm | undefined, sealedKeys: readonly string[] = []): ReferralView {
  const sensitive = new Set(form?.fields.filter((f) => f.sensitivity !== 'none').map((f) => f.key));
  const answers = (row.answers ?? {}) as Record<string, unknown>;
  // Without the form we cannot tell which answers are sensitive, so none is shown.
  const shown = form ? Object.fromEntries(Object.entries(answers).filter(([key]) => !sensitive.has(key))) : {};
  return ReferralViewSchema.parse({
    ...summaryFields(row),
    contractVersion: row.contractVersion,
    answers: shown,
    withheldAnswers: [...Object.keys(answers).filter((key) => !(key in shown)), ...sealedKeys],
    referrer: row.referrer,
    parties: row.parties,
    summary: row.summary,
    consent: row.consent ?? [],
  });
}

function summaryFields(row: ReferralRecord) {
  return {
    id: row.id,
    reference: row.reference,
    contractId: row.contractId,
    serviceLine: row.serviceLine,
    externalReference: row.externalReference,
    referrerType: row.referrerType,
    status: row.status,
    rejection: row.rejectionCode ? { code: row.rejectionCode, reason: row.rejectionReason ?? '' } : null,
    caseId: row.caseId,
    possibleDuplicateOf: row.possibleDuplicates ?? [],
    overCap: row.overCap,
    legalHold: row.legalHold,
    heldByCase: row.heldByCase,
    receivedAt: row.receivedAt.toISOString(),
    clockStartsAt: row.clockStartsAt.toISOString(),
    enteredAt: row.enteredAt.toISOString(),
    enteredBy: row.enteredBy,
  };
}

/** `REF-2026-000042`: the year the referral arrived, in London, and its number. */
export function referralReference(receivedAt: Date, number: bigint): string {
  // The London year from the calendar library: a new Intl formatter per referral cost ~2 ms of CPU.
  const year = londonDate(receivedAt).slice(0, 4);
  return `REF-${year}-${number.toString().padStart(6, '0')}`;
}
