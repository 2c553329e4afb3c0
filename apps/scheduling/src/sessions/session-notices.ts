import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { SessionArrangementsV1, type EventData, type SessionNoticeChange } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { StaffRepository } from '../staff/staff.repository';
import { VenueRepository } from '../venues/venue.repository';
import type { SessionRecord } from './session.repository';

type Arrangements = EventData<typeof SessionArrangementsV1>;

/** The venue's accessibility as an invitation lists it: what it offers, then its own notes. */
export function accessibilityLines(accessibility: unknown): string[] {
  const a = (accessibility ?? {}) as { stepFree?: boolean; hearingLoop?: boolean; accessibleToilet?: boolean; parking?: boolean; notes?: string };
  return [
    a.stepFree ? 'Step-free access' : 'No step-free access',
    ...(a.hearingLoop ? ['Hearing loop'] : []),
    ...(a.accessibleToilet ? ['Accessible toilet'] : []),
    ...(a.parking ? ['Parking, including a disabled bay'] : []),
    ...(a.notes?.trim() ? [a.notes.trim()] : []),
  ];
}

/**
 * Tells everyone attending a session what changed (booked, moved, cancelled) or that a reminder is
 * due: one `scheduling.session.arrangements.v1` in the caller's transaction, with the place, the video
 * link and the staff's addresses as they stand now. Casework invites the parties, notify the staff.
 */
@Injectable()
export class SessionNotices {
  constructor(
    private readonly staff: StaffRepository,
    private readonly venues: VenueRepository,
    private readonly events: EventPublisher,
  ) {}

  async append(
    tx: SchedulingTx,
    row: SessionRecord,
    change: SessionNoticeChange,
    at: Date,
    trace: { correlationId: string; previousStartsAt?: Date; reason?: string; reminder?: number },
  ): Promise<void> {
    const venue = row.venueId ? await this.venues.find(tx, row.organisationId, row.venueId) : null;
    const address = venue ? (venue.address as { line1: string; line2?: string; town: string; postcode: string }) : null;
    const people = await this.staff.findMany(tx, row.organisationId, row.staffIds);
    const data: Arrangements = {
      caseId: row.caseId,
      contractId: row.contractId,
      sessionId: row.id,
      change,
      sequence: row.calendarSequence,
      reminder: trace.reminder ?? null,
      sessionTypeLabel: row.sessionTypeLabel,
      mode: row.mode as Arrangements['mode'],
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      previousStartsAt: trace.previousStartsAt?.toISOString() ?? null,
      place:
        venue && address
          ? {
              name: venue.name,
              address: [address.line1, address.line2, address.town, address.postcode].filter((l): l is string => Boolean(l?.trim())),
              accessibility: accessibilityLines(venue.accessibility),
            }
          : null,
      location: row.location,
      videoLink: row.videoLink,
      reason: trace.reason ?? null,
      staff: row.staffIds.flatMap((id) => {
        const person = people.find((p) => p.id === id);
        return person ? [{ staffId: id, name: person.name, email: person.email }] : [];
      }),
      partyNames: (row.parties as { name: string }[]).map((p) => p.name),
      changedAt: at.toISOString(),
    };
    await this.events.append(tx, {
      definition: SessionArrangementsV1,
      data,
      subject: row.id,
      organisationId: row.organisationId,
      contractId: row.contractId,
      sequence: row.version,
      correlationId: trace.correlationId,
    });
  }
}
