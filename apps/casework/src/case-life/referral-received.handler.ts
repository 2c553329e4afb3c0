import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { ReferralReceivedV2, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { externalReferenceLock } from './case-opening.repository';
import { OpenCaseUseCase } from './open-case.use-case';

@Injectable()
@EventConsumer()
export class ReferralReceivedHandler implements EventHandler<typeof ReferralReceivedV2, CaseworkTx> {
  readonly consumes = ReferralReceivedV2;

  constructor(private readonly openCase: OpenCaseUseCase) {}

  /** Opening takes the matter's lock first: taken by the inbox claim, it costs no statement of its own. */
  locks(event: EventEnvelope<EventData<typeof ReferralReceivedV2>>): string[] {
    const { contractId, externalReference } = event.data;
    return externalReference ? [externalReferenceLock(event.organisationid, contractId, externalReference)] : [];
  }

  handle(event: EventEnvelope<EventData<typeof ReferralReceivedV2>>, tx: CaseworkTx): Promise<void> {
    return this.openCase.execute(tx, event);
  }
}
