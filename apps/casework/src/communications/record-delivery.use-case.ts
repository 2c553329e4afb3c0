import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import { CommunicationLoggedV1, uuidv7, type DeliverySentV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import { caseEnvelope } from '../cases/case-event';
import { CaseReferralRepository } from '../cases/case-referral.repository';
import { CaseRepository } from '../cases/case.repository';
import type { CaseworkTx } from '../database/casework.database';
import { CommunicationRepository } from './communication.repository';

/**
 * What notify sent goes into the case's log: by its caseId, or for a referral acknowledgement by the
 * case opened from (or linked to) the referral. A message about no case is not casework's record.
 * Like an entry logged by hand, it is published (`casework.communication.logged.v1`) in the same transaction.
 */
@Injectable()
export class RecordDeliveryUseCase {
  constructor(
    private readonly referrals: CaseReferralRepository,
    private readonly cases: CaseRepository,
    private readonly log: CommunicationRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(tx: CaseworkTx, event: EventEnvelope<EventData<typeof DeliverySentV1>>): Promise<void> {
    const sent = event.data;
    const caseId = sent.caseId ?? (sent.referralId ? await this.referrals.caseOfReferral(tx, event.organisationid, sent.referralId) : null);
    // Every received referral gets a case, but the acknowledgement can overtake it: retry until it exists.
    if (!caseId && sent.referralId) throw new Error(`no case yet for referral ${sent.referralId}; retrying`);
    if (!caseId || (await this.log.hasDelivery(tx, event.organisationid, sent.deliveryId))) return;
    const c = await this.cases.lock(tx, event.organisationid, caseId);
    if (!c) return;
    const now = this.clock.now();
    const row = await this.log.append(tx, {
      id: uuidv7(),
      organisationId: event.organisationid,
      caseId,
      direction: 'out',
      channel: sent.channel,
      counterpart: sent.to,
      partyId: null,
      subject: sent.subjectLine ?? sent.kind,
      summary: `Sent by the platform: ${sent.kind}`,
      occurredAt: new Date(sent.sentAt),
      source: 'notify',
      deliveryId: sent.deliveryId,
      recordedBy: 'notify',
      recordedAt: now,
    });
    const updated = await this.cases.update(tx, c, {});
    await this.events.append(tx, {
      definition: CommunicationLoggedV1,
      data: { caseId: c.id, contractId: c.contractId, communicationId: row.id, direction: 'out', channel: sent.channel, withParty: false, occurredAt: row.occurredAt.toISOString(), loggedAt: now.toISOString() },
      ...caseEnvelope(updated, event.correlationid),
      causationId: event.id,
    });
  }
}
