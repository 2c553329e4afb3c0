import type { ServiceLine } from '@mediation/protocol';

/** Milestones the platform records itself (the case opening, closing or ending, a certificate, the case report sent). */
const PLATFORM_MILESTONES = new Set(['referral.received', 'case.opened', 'case.closed', 'case.ended', 'certificate.issued', 'report.sent']);

/**
 * The milestones a person may record on a case of this line: those its clocks start, stop or cancel
 * on, and those its KPIs count (a workshop delivered, a data return received), less what the platform
 * records itself, and less a held session's milestone that a clock waits for (a mediation is recorded
 * by holding its session, even one held before the case was entered), which would otherwise stop clocks twice.
 */
export function manualMilestonesOf(line: Pick<ServiceLine, 'deadlineRules' | 'kpis' | 'sessionTypes'>): string[] {
  const clocks = line.deadlineRules.flatMap((r) => [r.startEvent, r.stopEvent, ...r.cancelEvents]);
  const counted = line.kpis.flatMap((k) => (k.measure.kind === 'count' ? [k.measure.event] : []));
  const heldForClocks = new Set(line.sessionTypes.flatMap((t) => (t.heldMilestone && clocks.includes(t.heldMilestone) ? [t.heldMilestone] : [])));
  return [...new Set([...clocks, ...counted])].filter((m) => !PLATFORM_MILESTONES.has(m) && !heldForClocks.has(m)).sort();
}
