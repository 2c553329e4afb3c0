import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { CaseOpenedV1, DeadlineBreachedV1, ReferralReceivedV2, type EventEnvelope } from '@mediation/protocol';
import type { ReportingTx } from '../database/reporting.database';
import { CountEventUseCase } from './count-event.use-case';

@Injectable()
@EventConsumer()
export class ReferralReceivedCounter implements EventHandler<typeof ReferralReceivedV2, ReportingTx> {
  readonly consumes = ReferralReceivedV2;
  constructor(private readonly count: CountEventUseCase) {}
  handle(event: EventEnvelope<{ contractId: string }>, tx: ReportingTx) {
    return this.count.execute(tx, event, { referralsReceived: 1 });
  }
}

@Injectable()
@EventConsumer()
export class CaseOpenedCounter implements EventHandler<typeof CaseOpenedV1, ReportingTx> {
  readonly consumes = CaseOpenedV1;
  constructor(private readonly count: CountEventUseCase) {}
  handle(event: EventEnvelope<{ contractId: string }>, tx: ReportingTx) {
    return this.count.execute(tx, event, { casesOpened: 1, casesOpen: 1 });
  }
}

@Injectable()
@EventConsumer()
export class DeadlineBreachedCounter implements EventHandler<typeof DeadlineBreachedV1, ReportingTx> {
  readonly consumes = DeadlineBreachedV1;
  constructor(private readonly count: CountEventUseCase) {}
  handle(event: EventEnvelope<object>, tx: ReportingTx) {
    return this.count.execute(tx, event, { deadlinesBreached: 1 });
  }
}
