import { Injectable } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import { uuidv7, type DeliverySentV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import { CaseReferralRepository } from '../cases/case-referral.repository';
import type { CaseworkTx } from '../database/casework.database';
import { CommunicationRepository } from './communication.repository';

/**
 * What notify sent goes into the case's log: by its caseId, or for a referral acknowledgement by the
 * case opened from (or linked to) the referral. A message about no case is not casework's record.
 */
@Injectable()
export class RecordDeliveryUseCase {
  constructor(
    private readonly referrals: CaseReferralRepository,
    private readonly log: CommunicationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tx: CaseworkTx, event: EventEnvelope<EventData<typeof DeliverySentV1>>): Promise<void> {
    const sent = event.data;
    const caseId = sent.caseId ?? (sent.referralId ? await this.referrals.caseOfReferral(tx, event.organisationid, sent.referralId) : null);
    // Every received referral gets a case, but the acknowledgement can overtake it: retry until it exists.
    if (!caseId && sent.referralId) throw new Error(`no case yet for referral ${sent.referralId}; retrying`);
    if (!caseId || (await this.log.hasDelivery(tx, event.organisationid, sent.deliveryId))) return;
    await this.log.append(tx, {
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
      recordedAt: this.clock.now(),
    });
  }
}
