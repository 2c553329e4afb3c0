import { Injectable } from '@nestjs/common';
import { londonDate } from '@mediation/calendar';
import { EventConsumer } from '@mediation/messaging';
import { LedgerEntryRecordedV1 } from '@mediation/protocol';
import { EventFactHandler, type FactEnvelope } from '../facts/fact-handler';
import { SpendRepository, type SpendEntry } from './spend.repository';

/** Billing's ledger, as spend: each entry on the London day it happened (also what a rebuild replays). */
@Injectable()
@EventConsumer()
export class LedgerEntryRecordedHandler extends EventFactHandler<typeof LedgerEntryRecordedV1, SpendEntry> {
  readonly consumes = LedgerEntryRecordedV1;
  // Its inbox rows keep the name they had before it became a fact handler.
  override get purpose(): string {
    return 'spend-billing.ledger.entry-recorded.v1';
  }

  constructor(spend: SpendRepository) {
    super({ execute: (tx, entry) => spend.record(tx, entry) });
  }

  fact({ organisationid, data: d }: FactEnvelope<typeof LedgerEntryRecordedV1>): SpendEntry {
    return {
      organisationId: organisationid,
      entryId: d.entryId,
      contractId: d.contractId,
      serviceLine: d.serviceLine,
      kind: d.kind,
      amountPence: d.amountPence,
      occurredAt: d.occurredAt,
      occurredOn: londonDate(new Date(d.occurredAt)),
    };
  }
}
