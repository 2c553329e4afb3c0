import { ProblemError } from '@mediation/platform';

/** The housing-asb KPI `reopened-within-12-months` (spec §10.5) counts reopenings within 12 months of closure. */
export const REOPEN_WINDOW_MONTHS = 12;

export function reopenWindowEnds(closedAt: Date): Date {
  const end = new Date(closedAt);
  end.setUTCMonth(end.getUTCMonth() + REOPEN_WINDOW_MONTHS);
  return end;
}

/**
 * A case is reopened only within 12 months of its closure, and then it counts as reopened. Later, the
 * matter is a new one: the buyer refers it anew (housing spec §5.2: a referral authorises opening a case),
 * with fresh clocks, rather than the KPI quietly ignoring an old case coming back.
 */
export function assertWithinReopenWindow(closedAt: Date | null, now: Date): void {
  if (!closedAt) return;
  if (now.getTime() > reopenWindowEnds(closedAt).getTime()) {
    throw ProblemError.conflict(
      `The case closed on ${closedAt.toISOString().slice(0, 10)}, more than ${REOPEN_WINDOW_MONTHS} months ago: it cannot be reopened. Make a new referral for the matter: it opens a new case with its own clocks.`,
    );
  }
}
