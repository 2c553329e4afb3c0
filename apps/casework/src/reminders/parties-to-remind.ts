import type { PartyRole } from '@mediation/protocol';

/** The parties a deadline's reminder is meant for: in the rule's roles (every role when it names none). The contact rule then decides who is emailed. */
export function partiesToRemind<P extends { role: string }>(parties: readonly P[], roles?: readonly PartyRole[]): P[] {
  return parties.filter((p) => !roles || roles.includes(p.role as PartyRole));
}
