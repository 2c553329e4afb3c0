import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import { CaseOpenedV1, uuidv7, type EventData, type EventEnvelope, type ReferralReceivedV2 } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { CaseRepository } from './case.repository';

/** A received referral becomes exactly one case, however often the event is delivered. */
@Injectable()
export class OpenCaseUseCase {
  constructor(
    private readonly cases: CaseRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(tx: CaseworkTx, referral: EventEnvelope<EventData<typeof ReferralReceivedV2>>): Promise<void> {
    const opened = await this.cases.createForReferral(tx, {
      id: uuidv7(),
      organisationId: referral.organisationid,
      contractId: referral.data.contractId,
      referralId: referral.data.referralId,
      reference: referral.data.reference,
      serviceLine: referral.data.serviceLine,
      contractVersion: referral.data.contractVersion,
      status: 'referred',
      openedAt: this.clock.now(),
    });
    if (!opened) return;
    await this.events.append(tx, {
      definition: CaseOpenedV1,
      data: {
        caseId: opened.id,
        referralId: opened.referralId,
        reference: opened.reference,
        contractId: opened.contractId,
        serviceLine: opened.serviceLine,
        openedAt: opened.openedAt.toISOString(),
      },
      subject: opened.id,
      organisationId: opened.organisationId,
      contractId: opened.contractId,
      sequence: opened.version,
      correlationId: referral.correlationid,
      causationId: referral.id,
    });
  }
}
