import { addLondonMonths } from '@mediation/calendar';

/** When a case closed at `closedAt` is due for anonymisation: `months` calendar months later, London time. */
export function retentionEndsAt(closedAt: Date, months: number): Date {
  return addLondonMonths(closedAt, months);
}

export function isPastRetention(closedAt: Date, months: number, now: Date): boolean {
  return retentionEndsAt(closedAt, months).getTime() <= now.getTime();
}

/** The service line's `dataRetentionMonths` in a projected contract definition; null when the line is missing. */
export function retentionMonthsOf(definition: unknown, serviceLine: string): number | null {
  const lines = (definition as { serviceLines?: { key?: unknown; dataRetentionMonths?: unknown }[] } | null)?.serviceLines ?? [];
  const months = lines.find((l) => l.key === serviceLine)?.dataRetentionMonths;
  return typeof months === 'number' && Number.isInteger(months) && months > 0 ? months : null;
}

/**
 * Where a case's retention period runs from: its closure (an outcome set) or its end (withdrawn,
 * rejected), whichever is later; null while the case is live.
 */
export function retentionStartOf(c: { closedAt: Date | null; outcome: string | null; endedAt: Date | null }): { at: Date; ended: boolean } | null {
  const closed = c.closedAt && c.outcome !== null ? c.closedAt : null;
  if (c.endedAt && (!closed || c.endedAt.getTime() >= closed.getTime())) return { at: c.endedAt, ended: true };
  return closed ? { at: closed, ended: false } : null;
}
