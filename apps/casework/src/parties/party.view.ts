import { PartyViewSchema, type PartyView } from '@mediation/protocol';
import type { PartyRecord } from './party.repository';

/** Access needs are shown only when the caller opened them for an audited read. */
export function toPartyView(row: PartyRecord, accessibilityNeeds?: string | null): PartyView {
  return PartyViewSchema.parse({
    ...row,
    createdAt: row.createdAt.toISOString(),
    hasAccessibilityNeeds: row.accessibilityNeedsSealed !== null,
    ...(accessibilityNeeds !== undefined ? { accessibilityNeeds } : {}),
  });
}
