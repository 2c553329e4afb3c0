import type { DeadlineView } from './case.schemas';

/** The rule key of the family's appeal deadline, an informational clock a certificate starts (the SEND template's). */
export const APPEAL_DEADLINE_RULE = 'appeal-deadline';

/**
 * The appeal deadline a certificate states: the appeal clock its issue started (started at the moment it
 * was issued), unless cancelled. Null on a line without one, and while scheduling has not started it yet.
 */
export function appealDeadlineOf(deadlines: readonly DeadlineView[], issuedAt: string | Date): (DeadlineView & { dueAt: string }) | null {
  const at = new Date(issuedAt).getTime();
  const clock = deadlines.find(
    (d) => d.rule === APPEAL_DEADLINE_RULE && d.status !== 'cancelled' && d.dueAt !== null && new Date(d.startedAt).getTime() === at,
  );
  return (clock as DeadlineView & { dueAt: string }) ?? null;
}
