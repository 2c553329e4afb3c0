import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import {
  CaseClosedV1,
  CaseMilestoneV1,
  CaseOpenedV2,
  CaseReopenedV1,
  DeadlineBreachCorrectedV1,
  DeadlineBreachedV1,
  DeadlineMetV1,
  ReferralReceivedV2,
  type EventData,
  type EventEnvelope,
} from '@mediation/protocol';
import type { ReportingTx } from '../database/reporting.database';
import { CountEventUseCase } from './count-event.use-case';

@Injectable()
@EventConsumer()
export class ReferralReceivedCounter implements EventHandler<typeof ReferralReceivedV2, ReportingTx> {
  readonly consumes = ReferralReceivedV2;
  constructor(private readonly count: CountEventUseCase) {}
  handle(event: EventEnvelope<EventData<typeof ReferralReceivedV2>>, tx: ReportingTx) {
    // On the day it was received: a referral typed in on Monday that arrived on Friday counts on Friday.
    return this.count.execute(tx, event, event.data.receivedAt, { referralsReceived: 1 });
  }
}

@Injectable()
@EventConsumer()
export class CaseOpenedCounter implements EventHandler<typeof CaseOpenedV2, ReportingTx> {
  readonly consumes = CaseOpenedV2;
  constructor(private readonly count: CountEventUseCase) {}
  handle(event: EventEnvelope<EventData<typeof CaseOpenedV2>>, tx: ReportingTx) {
    return this.count.execute(tx, event, event.data.openedAt, { casesOpened: 1, casesOpen: 1 });
  }
}

@Injectable()
@EventConsumer()
export class CaseClosedCounter implements EventHandler<typeof CaseClosedV1, ReportingTx> {
  readonly consumes = CaseClosedV1;
  constructor(private readonly count: CountEventUseCase) {}
  handle(event: EventEnvelope<EventData<typeof CaseClosedV1>>, tx: ReportingTx) {
    return this.count.execute(
      tx,
      event,
      event.data.closedAt,
      { casesClosed: 1, casesOpen: -1, casesClosedExpected: event.data.outcomeExpected ? 1 : 0 },
      event.data.outcome,
    );
  }
}

@Injectable()
@EventConsumer()
export class CaseReopenedCounter implements EventHandler<typeof CaseReopenedV1, ReportingTx> {
  readonly consumes = CaseReopenedV1;
  constructor(private readonly count: CountEventUseCase) {}
  handle(event: EventEnvelope<EventData<typeof CaseReopenedV1>>, tx: ReportingTx) {
    return this.count.execute(tx, event, event.data.reopenedAt, { casesReopened: 1, casesOpen: 1, casesReopenedCounted: event.data.countsAsReopened ? 1 : 0 });
  }
}

@Injectable()
@EventConsumer()
export class DeadlineBreachedCounter implements EventHandler<typeof DeadlineBreachedV1, ReportingTx> {
  readonly consumes = DeadlineBreachedV1;
  constructor(private readonly count: CountEventUseCase) {}
  handle(event: EventEnvelope<EventData<typeof DeadlineBreachedV1>>, tx: ReportingTx) {
    return this.count.execute(tx, event, event.data.breachedAt, { deadlinesBreached: 1 });
  }
}

@Injectable()
@EventConsumer()
export class DeadlineMetCounter implements EventHandler<typeof DeadlineMetV1, ReportingTx> {
  readonly consumes = DeadlineMetV1;
  constructor(private readonly count: CountEventUseCase) {}
  handle(event: EventEnvelope<EventData<typeof DeadlineMetV1>>, tx: ReportingTx) {
    return this.count.execute(tx, event, event.data.metAt, event.data.late ? { deadlinesMetLate: 1 } : { deadlinesMet: 1 });
  }
}

/** A breach taken back (the event that met or cancelled it happened by the due time, recorded late): it no longer counts. */
@Injectable()
@EventConsumer()
export class DeadlineBreachCorrectedCounter implements EventHandler<typeof DeadlineBreachCorrectedV1, ReportingTx> {
  readonly consumes = DeadlineBreachCorrectedV1;
  constructor(private readonly count: CountEventUseCase) {}
  handle(event: EventEnvelope<EventData<typeof DeadlineBreachCorrectedV1>>, tx: ReportingTx) {
    // Taken off the day the breach was counted on, so a date range that held it adds up again.
    return this.count.execute(tx, event, event.data.breachedAt, { deadlinesBreached: -1 });
  }
}

@Injectable()
@EventConsumer()
export class MilestoneCounter implements EventHandler<typeof CaseMilestoneV1, ReportingTx> {
  readonly consumes = CaseMilestoneV1;
  constructor(private readonly count: CountEventUseCase) {}
  handle(event: EventEnvelope<EventData<typeof CaseMilestoneV1>>, tx: ReportingTx) {
    return this.count.milestone(tx, event, event.data.occurredAt, event.data.milestone);
  }
}
