import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { CaseLegalHoldChangedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { IntakeTx } from '../database/intake.database';
import { HoldReferralsForCaseUseCase } from './hold-referrals-for-case.use-case';

/** Casework set or released a legal hold on a case: its referrals are held with it, or no longer by it. */
@Injectable()
@EventConsumer()
export class CaseLegalHoldChangedHandler implements EventHandler<typeof CaseLegalHoldChangedV1, IntakeTx> {
  readonly consumes = CaseLegalHoldChangedV1;

  constructor(private readonly hold: HoldReferralsForCaseUseCase) {}

  handle(event: EventEnvelope<EventData<typeof CaseLegalHoldChangedV1>>, tx: IntakeTx): Promise<void> {
    return this.hold.execute(tx, { organisationId: event.organisationid, caseId: event.data.caseId, held: event.data.legalHold, sequence: event.sequence });
  }
}
