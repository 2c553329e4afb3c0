import type { ServiceLine } from '@mediation/protocol';

/**
 * Milestones a person records: the rest come from what the platform sees itself (a status move, a
 * certificate, a held session, the case report), so recording them by hand would stop clocks twice.
 */
export const MANUAL_MILESTONES = ['contact.made', 'mediation.declined', 'mediation.delayed', 'conditions.completed'] as const;

/** The manual milestones this line's deadline rules start or stop on. */
export function manualMilestonesOf(line: ServiceLine): string[] {
  const used = new Set(line.deadlineRules.flatMap((r) => [r.startEvent, r.stopEvent]));
  return MANUAL_MILESTONES.filter((m) => used.has(m));
}
