import { londonDay, type CaseFacts } from '../kpis/kpi-engine';
import { inRange, type DayRange } from '../kpis/kpi-period';

/** A month's complaints against the timescales of the line's complaints policy (the dates casework's complaint events carry). */
export interface ComplaintVolumes {
  /** Received in the month. */
  received: number;
  /** Acknowledged in the month, and of those by the date the policy set (or, with no date known, not marked late). */
  acknowledged: number;
  acknowledgedInTime: number;
  /** Responded to (resolved) in the month, and of those by the response date (the acknowledgement's, else the receipt's). */
  responded: number;
  respondedInTime: number;
  /** Received by the month's end and not yet resolved by then. */
  openAtMonthEnd: number;
}

/** Counts a month's complaints on London days. */
export function complaintVolumes(cases: readonly CaseFacts[], range: DayRange): ComplaintVolumes {
  const complaints = cases.flatMap((c) => c.complaints);
  const inMonth = (d: Date | null) => d !== null && inRange(londonDay(d), range);
  const acknowledged = complaints.filter((c) => inMonth(c.acknowledgedAt));
  const responded = complaints.filter((c) => inMonth(c.resolvedAt));
  const end = range.to!;
  return {
    received: complaints.filter((c) => inMonth(c.receivedAt)).length,
    acknowledged: acknowledged.length,
    acknowledgedInTime: acknowledged.filter((c) => (c.acknowledgeBy ? c.acknowledgedAt! <= c.acknowledgeBy : c.acknowledgedLate === false)).length,
    responded: responded.length,
    respondedInTime: responded.filter((c) => c.respondBy !== null && c.resolvedAt! <= c.respondBy).length,
    openAtMonthEnd: complaints.filter(
      (c) => c.receivedAt !== null && londonDay(c.receivedAt) <= end && (c.resolvedAt === null || londonDay(c.resolvedAt) > end),
    ).length,
  };
}
