import { CaseSessionViewSchema, type CaseSessionView } from '@mediation/protocol';
import type { SessionRecord } from './session.repository';

export function toSessionView(row: SessionRecord): CaseSessionView {
  return CaseSessionViewSchema.parse({
    id: row.id,
    caseId: row.caseId,
    contractId: row.contractId,
    serviceLine: row.serviceLine,
    sessionType: row.sessionType,
    sessionTypeLabel: row.sessionTypeLabel,
    mode: row.mode,
    venueId: row.venueId,
    location: row.location,
    videoLink: row.videoLink,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    staffIds: row.staffIds,
    parties: row.parties,
    status: row.status,
    notice: {
      requiredWorkingDays: row.noticeRequiredDays,
      givenWorkingDays: row.noticeGivenDays,
      waived: row.noticeWaivedBy ? { by: row.noticeWaivedBy, reason: row.noticeWaivedReason ?? '' } : null,
    },
    bookedAt: row.bookedAt.toISOString(),
    bookedBy: row.bookedBy,
    heldAt: row.heldAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    statusReason: row.statusReason,
  });
}

/** Who attends, as the session events carry it. */
export function attendeesOf(row: SessionRecord): { staffIds: string[]; partyNames: string[] } {
  return { staffIds: row.staffIds, partyNames: (row.parties as { name: string }[]).map((p) => p.name) };
}
