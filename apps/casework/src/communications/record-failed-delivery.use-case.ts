import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import { CommunicationLoggedV1, uuidv7, type DeliveryFailedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import { caseEnvelope } from '../cases/case-event';
import { CaseReferralRepository } from '../cases/case-referral.repository';
import { CaseRepository } from '../cases/case.repository';
import type { CaseworkTx } from '../database/casework.database';
import { CommunicationRepository } from './communication.repository';

/** What each reason code means, in the words the log is read in. */
const REASONS: Record<EventData<typeof DeliveryFailedV1>['reason'], string> = {
  rejected: 'the mail server refused it',
  'content-unavailable': 'what it was to carry no longer exists',
  'attempts-exhausted': 'every attempt failed',
};

/**
 * A message notify gave up on goes into the case's log as an outbound message that failed, found as a sent
 * one is (its caseId, or the case of its referral), so the log shows what was tried and did not arrive.
 * The event names no address, so neither does the entry: the counterpart is who it was meant for, by kind.
 */
@Injectable()
export class RecordFailedDeliveryUseCase {
  constructor(
    private readonly referrals: CaseReferralRepository,
    private readonly cases: CaseRepository,
    private readonly log: CommunicationRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(tx: CaseworkTx, event: EventEnvelope<EventData<typeof DeliveryFailedV1>>): Promise<void> {
    const failed = event.data;
    const caseId = failed.caseId ?? (failed.referralId ? await this.referrals.caseOfReferral(tx, event.organisationid, failed.referralId) : null);
    // Every received referral gets a case, but the failure can overtake it: retry until it exists.
    if (!caseId && failed.referralId) throw new Error(`no case yet for referral ${failed.referralId}; retrying`);
    if (!caseId || (await this.log.hasDelivery(tx, event.organisationid, failed.deliveryId))) return;
    const c = await this.cases.lock(tx, event.organisationid, caseId);
    if (!c) return;
    const now = this.clock.now();
    const row = await this.log.append(tx, {
      id: uuidv7(),
      organisationId: event.organisationid,
      caseId,
      direction: 'out',
      channel: failed.channel,
      counterpart: `recipient of the ${failed.kind}`,
      partyId: null,
      subject: failed.kind,
      summary: `Not delivered: the platform gave up after ${failed.attempts} attempt${failed.attempts === 1 ? '' : 's'} (${REASONS[failed.reason]}).`,
      occurredAt: new Date(failed.failedAt),
      source: 'notify',
      deliveryId: failed.deliveryId,
      failed: true,
      recordedBy: 'notify',
      recordedAt: now,
    });
    const updated = await this.cases.update(tx, c, {});
    await this.events.append(tx, {
      definition: CommunicationLoggedV1,
      data: { caseId: c.id, contractId: c.contractId, communicationId: row.id, direction: 'out', channel: failed.channel, withParty: false, occurredAt: row.occurredAt.toISOString(), loggedAt: now.toISOString() },
      ...caseEnvelope(updated, event.correlationid),
      causationId: event.id,
    });
  }
}
