import { Injectable } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { EventPublisher } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import {
  CommunicationWithheldV1,
  CommunicationWithheldV2,
  uuidv7,
  type ContactRefusal,
  type PartyContact,
  type PartyMessage,
  type PartyRole,
} from '@mediation/protocol';
import { caseEnvelope } from '../cases/case-event';
import { CaseRepository, type CaseRecord } from '../cases/case.repository';
import { CommunicationRepository } from '../communications/communication.repository';
import type { CaseworkTx } from '../database/casework.database';
import { contactDecision, messageLabel, sessionContactDecision, type ContactableParty, type InvitableParty } from './contact-rule';

/** One message of the platform to the parties of a case: what it is, how each refusal is keyed, and its trace. */
export interface PartyMessageSend {
  message: PartyMessage;
  /** Names this sending of the message, e.g. `survey:<case>:closure-1`; with the party id it keys each refusal, so one is logged once. */
  key: string;
  correlationId: string;
  causationId?: string;
}

/**
 * Applies the contact rule to the parties of a case for one message: returns those it may be emailed to,
 * and logs every refusal on the case's communications log with the reason (and publishes
 * `casework.communication.withheld.v1`), so what was not sent is on the record, never silently dropped.
 */
@Injectable()
export class PartyContacts {
  constructor(
    private readonly book: ContractBook,
    private readonly cases: CaseRepository,
    private readonly log: CommunicationRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async recipients<P extends ContactableParty>(
    tx: CaseworkTx,
    c: CaseRecord,
    parties: readonly P[],
    send: PartyMessageSend,
  ): Promise<(P & { email: string })[]> {
    const facts = { partyContact: await this.partyContactOf(tx, c), contactAnswers: (c.contactAnswers ?? {}) as Record<string, boolean>, outcome: c.outcome };
    const allowed: (P & { email: string })[] = [];
    for (const party of parties) {
      const decision = contactDecision(party, send.message, facts);
      if (decision.allowed) allowed.push({ ...party, email: decision.email });
      else await this.withhold(tx, c, party, send, decision);
    }
    return allowed;
  }

  /**
   * The same for a session's invitation, update, cancellation or reminder: each party it may go to, by
   * the channel their preferences choose (email or text); every refusal logged as above, published as
   * `casework.communication.withheld.v2` (v1 does not know the message).
   */
  async sessionRecipients<P extends InvitableParty>(
    tx: CaseworkTx,
    c: CaseRecord,
    parties: readonly P[],
    send: Omit<PartyMessageSend, 'message'>,
  ): Promise<{ party: P; channel: 'email' | 'sms'; email: string | null; phone: string | null }[]> {
    const facts = { partyContact: await this.partyContactOf(tx, c), contactAnswers: (c.contactAnswers ?? {}) as Record<string, boolean>, outcome: c.outcome };
    const allowed: { party: P; channel: 'email' | 'sms'; email: string | null; phone: string | null }[] = [];
    for (const party of parties) {
      const decision = sessionContactDecision(party, facts);
      if (decision.allowed)
        allowed.push({
          party,
          channel: decision.channel,
          email: decision.channel === 'email' ? decision.email : null,
          phone: decision.channel === 'sms' ? decision.phone : null,
        });
      else await this.withhold(tx, c, party, { ...send, message: 'session-invitation' }, decision);
    }
    return allowed;
  }

  private async withhold(
    tx: CaseworkTx,
    c: CaseRecord,
    party: ContactableParty,
    send: PartyMessageSend | (Omit<PartyMessageSend, 'message'> & { message: 'session-invitation' }),
    decision: { refusal: ContactRefusal; reason: string; channel?: 'email' | 'sms' },
  ): Promise<void> {
    const channel = decision.channel ?? 'email';
    const now = this.clock.now();
    const row = await this.log.appendWithheld(tx, {
      id: uuidv7(),
      organisationId: c.organisationId,
      caseId: c.id,
      direction: 'out',
      channel,
      counterpart: party.name,
      partyId: party.id,
      subject: `${messageLabel(send.message)}: not sent`,
      summary: `Not sent: ${decision.reason}`,
      occurredAt: now,
      source: 'contact-rule',
      withheldKey: `${send.key}:${party.id}`,
      recordedBy: 'casework:contact-rule',
      recordedAt: now,
    });
    if (!row) return;
    // A change of the case's records: its version orders the event after the ones before it.
    const updated = await this.cases.update(tx, c, {});
    const data = {
      caseId: c.id,
      contractId: c.contractId,
      communicationId: row.id,
      partyRole: party.role as PartyRole,
      refusal: decision.refusal,
      loggedAt: now.toISOString(),
    };
    const envelope = { ...caseEnvelope(updated, send.correlationId), ...(send.causationId ? { causationId: send.causationId } : {}) };
    // v2 for every message; v1 beside it for the messages and channel it knows, as before.
    if (send.message !== 'session-invitation' && channel === 'email')
      await this.events.append(tx, { definition: CommunicationWithheldV1, data: { ...data, message: send.message, channel }, ...envelope });
    await this.events.append(tx, { definition: CommunicationWithheldV2, data: { ...data, message: send.message, channel }, ...envelope });
  }

  /** The line's contact data. Without it nobody is contacted: the book's 503 makes an event handler retry its event. */
  private async partyContactOf(tx: CaseworkTx, c: CaseRecord): Promise<PartyContact | undefined> {
    return (await this.book.caseLine(tx, c)).partyContact;
  }
}
