import { addLondonMonths } from '@mediation/calendar';

/** When a referral whose case closed at `closedAt` is due for anonymisation: `months` calendar months later. */
export function retentionEndsAt(closedAt: Date, months: number): Date {
  return addLondonMonths(closedAt, months);
}

/** Whether the retention period has run out by `now`. */
export function isPastRetention(closedAt: Date, months: number, now: Date): boolean {
  return retentionEndsAt(closedAt, months).getTime() <= now.getTime();
}

/** Where a referral's retention runs from: its case's closure or end, or, for a rejected referral (never a case), its rejection as it was entered. */
export function retentionStartOf(referral: { status: string; caseClosedAt: Date | null; enteredAt: Date }): Date | null {
  if (referral.caseClosedAt) return referral.caseClosedAt;
  return referral.status === 'rejected' ? referral.enteredAt : null;
}
