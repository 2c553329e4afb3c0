import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { CaseReferralLinkedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { IntakeTx } from '../database/intake.database';
import { caseOpenedFacts, LinkCaseUseCase } from './link-case.use-case';

/** A repeat referral joined the open case of the same matter: the referrer follows that case. */
@Injectable()
@EventConsumer()
export class ReferralLinkedHandler implements EventHandler<typeof CaseReferralLinkedV1, IntakeTx> {
  readonly consumes = CaseReferralLinkedV1;

  constructor(private readonly linkCase: LinkCaseUseCase) {}

  handle(event: EventEnvelope<EventData<typeof CaseReferralLinkedV1>>, tx: IntakeTx): Promise<void> {
    return this.linkCase.execute(tx, { ...caseOpenedFacts(event), joinedExistingCase: true });
  }
}
