import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { CaseAnonymisedV1, CaseLegalHoldChangedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { EvidenceTx } from '../database/evidence.database';
import { ApplyRetentionUseCase } from './apply-retention.use-case';

@Injectable()
@EventConsumer()
export class CaseLegalHoldChangedHandler implements EventHandler<typeof CaseLegalHoldChangedV1, EvidenceTx> {
  readonly consumes = CaseLegalHoldChangedV1;

  constructor(private readonly retention: ApplyRetentionUseCase) {}

  handle(event: EventEnvelope<EventData<typeof CaseLegalHoldChangedV1>>, tx: EvidenceTx): Promise<void> {
    return this.retention.hold(tx, event.organisationid, event.data.caseId, event.data.legalHold, event.data.reason, new Date(event.time));
  }
}

@Injectable()
@EventConsumer()
export class CaseAnonymisedHandler implements EventHandler<typeof CaseAnonymisedV1, EvidenceTx> {
  readonly consumes = CaseAnonymisedV1;

  constructor(private readonly retention: ApplyRetentionUseCase) {}

  async handle(event: EventEnvelope<EventData<typeof CaseAnonymisedV1>>, tx: EvidenceTx): Promise<void> {
    const reason = `Retention: case ${event.data.reference} anonymised ${event.data.retentionMonths} months after it closed`;
    await this.retention.deleteFiles(tx, event.organisationid, event.data.caseId, reason, new Date(event.data.anonymisedAt));
  }
}
