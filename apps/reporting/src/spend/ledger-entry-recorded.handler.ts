import { Injectable } from '@nestjs/common';
import { londonDate } from '@mediation/calendar';
import { EventConsumer } from '@mediation/messaging';
import { LedgerEntryRecordedV1, LedgerEntryRecordedV2 } from '@mediation/protocol';
import { EventFactHandler, type FactEnvelope } from '../facts/fact-handler';
import { SpendRepository, type SpendEntry } from './spend.repository';

/** One ledger entry as spend, on the London day it happened; v1 and v2 carry the same fields. */
function spendEntry({ organisationid, data: d }: FactEnvelope<typeof LedgerEntryRecordedV1 | typeof LedgerEntryRecordedV2>): SpendEntry {
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

  fact(event: FactEnvelope<typeof LedgerEntryRecordedV1>): SpendEntry {
    return spendEntry(event);
  }
}

/**
 * v2, beside v1: every entry v1 carries comes again in v2 under the same entry id (the row is keyed by it, so the second
 * changes nothing), and the `activity` entries (a workshop at its price) come in v2 alone.
 */
@Injectable()
@EventConsumer()
export class LedgerEntryRecordedV2Handler extends EventFactHandler<typeof LedgerEntryRecordedV2, SpendEntry> {
  readonly consumes = LedgerEntryRecordedV2;
  override get purpose(): string {
    return 'spend-billing.ledger.entry-recorded.v2';
  }

  constructor(spend: SpendRepository) {
    super({ execute: (tx, entry) => spend.record(tx, entry) });
  }

  fact(event: FactEnvelope<typeof LedgerEntryRecordedV2>): SpendEntry {
    return spendEntry(event);
  }
}
