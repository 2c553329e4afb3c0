import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { LedgerEntryRecordedV1 } from '@mediation/protocol';
import type { BillingTx } from '../database/billing.database';
import { LedgerRepository, type NewLedgerEntry } from './ledger.repository';

/**
 * The one way an entry enters the ledger: appended once per source key and, when it was, announced as
 * `billing.ledger.entry-recorded.v1` in the same transaction (reporting's spend beside the KPIs), unless it is £0.
 */
@Injectable()
export class LedgerWriter {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly publisher: EventPublisher,
  ) {}

  async append(tx: BillingTx, entry: NewLedgerEntry, correlationId: string): Promise<boolean> {
    const appended = await this.ledger.append(tx, entry);
    // An entry of £0 (a case within the N the annual price covers) spends nothing: not worth an event per referral.
    if (!appended || entry.amountPence === 0) return appended;
    await this.publisher.append(tx, {
      definition: LedgerEntryRecordedV1,
      data: {
        entryId: entry.id,
        contractId: entry.contractId,
        serviceLine: entry.serviceLine,
        kind: entry.kind as 'case',
        amountPence: entry.amountPence,
        occurredAt: entry.occurredAt.toISOString(),
      },
      subject: entry.contractId,
      organisationId: entry.organisationId,
      contractId: entry.contractId,
      sequence: 1,
      correlationId,
    });
    return true;
  }
}
