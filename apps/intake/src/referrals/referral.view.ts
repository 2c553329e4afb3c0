import { ReferralViewSchema, type ReferralView } from '@mediation/protocol';
import type { ReferralRecord } from './referral.repository';

export function toReferralView(row: ReferralRecord): ReferralView {
  return ReferralViewSchema.parse({
    id: row.id,
    reference: row.reference,
    contractId: row.contractId,
    serviceLine: row.serviceLine,
    externalReference: row.externalReference,
    status: row.status,
    caseId: row.caseId,
    referrer: row.referrer,
    parties: row.parties,
    summary: row.summary,
    receivedAt: row.receivedAt.toISOString(),
  });
}

/** `REF-2026-000042`: the year the referral arrived, in London, and its number. */
export function referralReference(receivedAt: Date, number: bigint): string {
  const year = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric' }).format(receivedAt);
  return `REF-${year}-${number.toString().padStart(6, '0')}`;
}
