import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { CaseClosedV1, CaseReopenedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { IntakeTx } from '../database/intake.database';
import { ReferralRetentionRepository } from './referral-retention.repository';

/** The retention clock of a referral starts when its case closes. */
@Injectable()
@EventConsumer()
export class CaseClosedHandler implements EventHandler<typeof CaseClosedV1, IntakeTx> {
  readonly consumes = CaseClosedV1;

  constructor(private readonly retention: ReferralRetentionRepository) {}

  async handle(event: EventEnvelope<EventData<typeof CaseClosedV1>>, tx: IntakeTx): Promise<void> {
    await this.retention.markCaseClosed(tx, event.organisationid, event.data.caseId, new Date(event.data.closedAt));
  }
}

/** A reopened case is live again, so its referral is kept until it closes again. */
@Injectable()
@EventConsumer()
export class CaseReopenedHandler implements EventHandler<typeof CaseReopenedV1, IntakeTx> {
  readonly consumes = CaseReopenedV1;

  constructor(private readonly retention: ReferralRetentionRepository) {}

  async handle(event: EventEnvelope<EventData<typeof CaseReopenedV1>>, tx: IntakeTx): Promise<void> {
    await this.retention.markCaseReopened(tx, event.organisationid, event.data.caseId);
  }
}
