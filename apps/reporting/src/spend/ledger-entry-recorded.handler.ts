import { Injectable } from '@nestjs/common';
import { londonDate } from '@mediation/calendar';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { LedgerEntryRecordedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { ReportingTx } from '../database/reporting.database';
import { SpendRepository } from './spend.repository';

/** Billing's ledger, as spend: each entry on the London day it happened. */
@Injectable()
@EventConsumer()
export class LedgerEntryRecordedHandler implements EventHandler<typeof LedgerEntryRecordedV1, ReportingTx> {
  readonly consumes = LedgerEntryRecordedV1;
  readonly purpose = 'spend-billing.ledger.entry-recorded.v1';
  constructor(private readonly spend: SpendRepository) {}

  async handle(event: EventEnvelope<EventData<typeof LedgerEntryRecordedV1>>, tx: ReportingTx): Promise<void> {
    const d = event.data;
    await this.spend.record(tx, {
      organisationId: event.organisationid,
      entryId: d.entryId,
      contractId: d.contractId,
      serviceLine: d.serviceLine,
      kind: d.kind,
      amountPence: d.amountPence,
      occurredAt: d.occurredAt,
      occurredOn: londonDate(new Date(d.occurredAt)),
    });
  }
}
