import { Injectable, Logger } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { SessionInvitationIssuedV1, uuidv7, type EventData, type EventEnvelope, type SessionArrangementsV1 } from '@mediation/protocol';
import { PartyContacts } from '../contact/party-contacts';
import type { CaseworkTx } from '../database/casework.database';
import { SessionInvitationRepository } from './session-invitation.repository';

type Arrangements = EventData<typeof SessionArrangementsV1>;

/** The parties a session was arranged with: those named at booking (by name, as the booking names them), or every party when it named none. */
export function partiesAttending<P extends { name: string }>(parties: readonly P[], partyNames: readonly string[]): P[] {
  const names = new Set(partyNames.map((n) => n.trim().toLowerCase()));
  return names.size === 0 ? [...parties] : parties.filter((p) => names.has(p.name.trim().toLowerCase()));
}

/**
 * A session was booked, moved or cancelled, or a reminder of it is due: casework, which holds the parties
 * and their preferences, issues the notice to each party attending whom the contact rule allows, by
 * their channel, and logs each refusal on the case. The inbox makes it once per event (one event is one
 * version of the session, or one reminder of it); notify sends it.
 */
@Injectable()
export class InvitePartiesUseCase {
  private readonly logger = new Logger(InvitePartiesUseCase.name);

  constructor(
    private readonly invitations: SessionInvitationRepository,
    private readonly contacts: PartyContacts,
    private readonly events: EventPublisher,
  ) {}

  async execute(tx: CaseworkTx, event: EventEnvelope<Arrangements>): Promise<number> {
    const session = event.data;
    const organisationId = event.organisationid;
    const found = await this.invitations.caseOf(tx, organisationId, session.caseId);
    if (!found) {
      this.logger.debug(`session ${session.sessionId}: case ${session.caseId} not found; no party invited`);
      return 0;
    }
    const attending = partiesAttending(await this.invitations.partiesOf(tx, organisationId, session.caseId), session.partyNames);
    const chosen = await this.contacts.sessionRecipients(tx, found, attending, {
      key: `session:${session.sessionId}:${session.change}:${session.sequence}${session.reminder === null ? '' : `:r${session.reminder}`}`,
      correlationId: event.correlationid,
      causationId: event.id,
    });
    if (chosen.length === 0) return 0;
    const contact = await this.invitations.caseManagerOf(tx, organisationId, session.caseId);
    // What the party is told of the session; the staff's addresses stay between scheduling and notify.
    const arrangements = {
      caseId: session.caseId,
      contractId: session.contractId,
      sessionId: session.sessionId,
      change: session.change,
      sequence: session.sequence,
      reminder: session.reminder,
      sessionTypeLabel: session.sessionTypeLabel,
      mode: session.mode,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      previousStartsAt: session.previousStartsAt,
      place: session.place,
      location: session.location,
      videoLink: session.videoLink,
      reason: session.reason,
    };
    for (const { party, channel, email, phone } of chosen) {
      await this.events.append(tx, {
        definition: SessionInvitationIssuedV1,
        data: {
          ...arrangements,
          partyId: party.id,
          channel,
          email,
          phone,
          name: party.name,
          reference: found.reference,
          interpreterLanguage: party.interpreterLanguage?.trim() || null,
          contact,
        },
        subject: uuidv7(),
        organisationId,
        contractId: found.contractId,
        sequence: 1,
        correlationId: event.correlationid,
        causationId: event.id,
      });
    }
    return chosen.length;
  }
}
