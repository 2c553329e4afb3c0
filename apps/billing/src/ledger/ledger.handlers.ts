import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { ActivityDeliveredV1, CaseOpenedV2, SessionDidNotAttendV1, SessionHeldV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { BillingTx } from '../database/billing.database';
import { RecordActivityChargeUseCase } from './record-activity-charge.use-case';
import { RecordCaseOpenedUseCase } from './record-case-opened.use-case';
import { RecordMilestoneUseCase } from './record-milestone.use-case';
import { RecordSessionUseCase } from './record-session.use-case';

@Injectable()
@EventConsumer()
export class CaseOpenedBiller implements EventHandler<typeof CaseOpenedV2, BillingTx> {
  readonly consumes = CaseOpenedV2;
  constructor(private readonly record: RecordCaseOpenedUseCase) {}
  handle(event: EventEnvelope<EventData<typeof CaseOpenedV2>>, tx: BillingTx) {
    return this.record.execute(tx, event);
  }
}

@Injectable()
@EventConsumer()
export class SessionHeldBiller implements EventHandler<typeof SessionHeldV1, BillingTx> {
  readonly consumes = SessionHeldV1;
  constructor(private readonly record: RecordSessionUseCase) {}
  handle(event: EventEnvelope<EventData<typeof SessionHeldV1>>, tx: BillingTx) {
    const { sessionId, caseId, sessionType, heldAt } = event.data;
    return this.record.execute(tx, {
      kind: 'session',
      organisationId: event.organisationid,
      sessionId,
      caseId,
      sessionType,
      occurredAt: new Date(heldAt),
      correlationId: event.correlationid,
    });
  }
}

@Injectable()
@EventConsumer()
export class SessionDidNotAttendBiller implements EventHandler<typeof SessionDidNotAttendV1, BillingTx> {
  readonly consumes = SessionDidNotAttendV1;
  constructor(private readonly record: RecordSessionUseCase) {}
  handle(event: EventEnvelope<EventData<typeof SessionDidNotAttendV1>>, tx: BillingTx) {
    const { sessionId, caseId, sessionType, recordedAt } = event.data;
    return this.record.execute(tx, {
      kind: 'did-not-attend',
      organisationId: event.organisationid,
      sessionId,
      caseId,
      sessionType,
      occurredAt: new Date(recordedAt),
      correlationId: event.correlationid,
    });
  }
}

@Injectable()
@EventConsumer()
export class ActivityDeliveredBiller implements EventHandler<typeof ActivityDeliveredV1, BillingTx> {
  readonly consumes = ActivityDeliveredV1;
  constructor(
    private readonly milestone: RecordMilestoneUseCase,
    private readonly charge: RecordActivityChargeUseCase,
  ) {}

  // One consumer of the event, so both run in the one transaction its inbox row commits with.
  async handle(event: EventEnvelope<EventData<typeof ActivityDeliveredV1>>, tx: BillingTx): Promise<void> {
    await this.milestone.execute(tx, event);
    await this.charge.execute(tx, event);
  }
}
