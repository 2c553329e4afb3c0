import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { CaseAnonymisedV1, ReferralAnonymisedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { AnonymiseDeliveriesUseCase } from './anonymise-deliveries.use-case';

/** Casework anonymised a case at the end of its retention period: so are its deliveries. */
@Injectable()
@EventConsumer()
export class CaseAnonymisedHandler implements EventHandler<typeof CaseAnonymisedV1, NotifyTx> {
  readonly consumes = CaseAnonymisedV1;

  constructor(private readonly anonymise: AnonymiseDeliveriesUseCase) {}

  async handle(event: EventEnvelope<EventData<typeof CaseAnonymisedV1>>, tx: NotifyTx): Promise<void> {
    await this.anonymise.execute(tx, event.organisationid, { caseId: event.data.caseId });
  }
}

/** Intake anonymised a referral at the end of its retention period: so are its deliveries (the acknowledgement). */
@Injectable()
@EventConsumer()
export class ReferralAnonymisedHandler implements EventHandler<typeof ReferralAnonymisedV1, NotifyTx> {
  readonly consumes = ReferralAnonymisedV1;

  constructor(private readonly anonymise: AnonymiseDeliveriesUseCase) {}

  async handle(event: EventEnvelope<EventData<typeof ReferralAnonymisedV1>>, tx: NotifyTx): Promise<void> {
    await this.anonymise.execute(tx, event.organisationid, { referralId: event.data.referralId });
  }
}
