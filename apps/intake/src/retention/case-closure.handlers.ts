import { Injectable } from '@nestjs/common';
import { EventNotReadyError, EventConsumer, type EventHandler } from '@mediation/messaging';
import { CaseClosedV1, CaseEndedV1, CaseReopenedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { IntakeTx } from '../database/intake.database';
import { ReferralRetentionRepository } from './referral-retention.repository';

/** The retention clock of a referral starts when its case closes. */
@Injectable()
@EventConsumer()
export class CaseClosedHandler implements EventHandler<typeof CaseClosedV1, IntakeTx> {
  readonly consumes = CaseClosedV1;

  constructor(private readonly retention: ReferralRetentionRepository) {}

  async handle(event: EventEnvelope<EventData<typeof CaseClosedV1>>, tx: IntakeTx): Promise<void> {
    await startRetentionClock(this.retention, tx, event.organisationid, event.data.caseId, new Date(event.data.closedAt));
  }
}

/** A case that ended without an outcome (withdrawn, rejected) is finished too: its referral's retention clock starts at the end. */
@Injectable()
@EventConsumer()
export class CaseEndedHandler implements EventHandler<typeof CaseEndedV1, IntakeTx> {
  readonly consumes = CaseEndedV1;

  constructor(private readonly retention: ReferralRetentionRepository) {}

  async handle(event: EventEnvelope<EventData<typeof CaseEndedV1>>, tx: IntakeTx): Promise<void> {
    await startRetentionClock(this.retention, tx, event.organisationid, event.data.caseId, new Date(event.data.endedAt));
  }
}

/**
 * The referral learns its case id from `casework.case.opened.v2` (or `referral-linked.v1`) on another
 * consumer, which may not have run yet: with no referral of the case found, the event is retried (a
 * transient error, so the inbox naks it with backoff) rather than the retention clock silently lost.
 */
async function startRetentionClock(
  retention: ReferralRetentionRepository,
  tx: IntakeTx,
  organisationId: string,
  caseId: string,
  finishedAt: Date,
): Promise<void> {
  if ((await retention.markCaseClosed(tx, organisationId, caseId, finishedAt)) === 0) {
    throw new EventNotReadyError(`no referral knows case ${caseId} yet (its case-opened event is still on its way); retrying`);
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
